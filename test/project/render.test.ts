/** Project → Render: the POST of a saved project, waited for and downloaded like any render. */
import nock from 'nock';

import { jobAnswer, JOBS_PATH, serveGeneration, VIDEO_HOST, videoBytes } from '../fakePictory';
import { API_KEY, runPictoryNode } from '../harness';
import { projectPath } from '../templateFixtures';

const JOB_ID = 'p0000000-0000-4000-8000-000000000002';

const renderProject = (parameters: Record<string, unknown> = {}) =>
	runPictoryNode({
		resource: 'project',
		operation: 'render',
		project: { __rl: true, mode: 'list', value: 'project-1' },
		...parameters,
	});

const serveRender = (jobAnswers: unknown[], generateAnswer?: [number, unknown]) =>
	serveGeneration(JOB_ID, jobAnswers, {
		orderPath: `${projectPath('project-1')}/render`,
		...(generateAnswer && { generateAnswer }),
	});

describe('Project → Render', () => {
	test('POST to the project’s render path, no body; the job id at once', async () => {
		const { requests } = serveRender([]);

		const { items, error } = await renderProject({ waitForCompletion: false });

		expect(error).toBeUndefined();
		expect(requests).toEqual([
			{
				method: 'POST',
				path: `${projectPath('project-1')}/render`,
				authorization: API_KEY,
				at: expect.any(Number),
				nextPageKey: null,
			},
		]);
		expect(items).toEqual([{ json: { jobId: JOB_ID }, pairedItem: { item: 0 } }]);
	});

	test('waits like a render and downloads the MP4', async () => {
		const { requests } = serveRender([
			jobAnswer.inProgress(JOB_ID),
			jobAnswer.videoCompleted(JOB_ID),
		]);
		nock(VIDEO_HOST)
			.get(`/videos/${JOB_ID}.mp4`)
			.reply(200, videoBytes(), { 'Content-Type': 'video/mp4' });

		const { items, error } = await renderProject({ downloadVideo: true });

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ jobId: JOB_ID, status: 'completed' });
		expect(items[0].binary?.data).toMatchObject({ fileName: `${JOB_ID}.mp4` });
		expect(requests.slice(1).map((check) => [check.path, check.at - requests[0].at])).toEqual([
			[`${JOBS_PATH}/${JOB_ID}`, 30_000],
			[`${JOBS_PATH}/${JOB_ID}`, 60_000],
		]);
	});

	test('a 5xx is not sent again; an empty project is refused before any request', async () => {
		const { requests } = serveRender([], [502, { message: 'Bad gateway' }]);

		const broken = await renderProject();
		expect(broken.error?.description).toContain('look for the video with Job → Get Many');
		expect(requests).toHaveLength(1);

		const empty = await renderProject({ project: { __rl: true, mode: 'id', value: ' ' } });
		expect(empty.error?.message).toBe('Project is empty');
		expect(requests).toHaveLength(1);
	});
});
