/**
 * Jobs as GET /v1/jobs lists them [stated: `{ success, data: { jobId, status, … } }`], one of each
 * kind, finished or not: shared by the trigger's tests and the stand-in.
 */
import { IMAGE_HOST, VIDEO_HOST } from './fixtures';

export type ListedKind =
	'videoRender' | 'preview' | 'transcription' | 'highlights' | 'image' | 'aiStudioVideo';

const words = (highlight?: boolean) => [
	{
		uid: 's1',
		speakerId: 1,
		words: [
			{
				uid: 'w1',
				word: 'Hello',
				start_time: 0,
				end_time: 0.4,
				...(highlight !== undefined && { highlight }),
			},
		],
	},
];

/** What a completed job of `kind` holds, in `data` [stated shapes; AI Studio video inferred]. */
export const COMPLETED_DATA: Record<ListedKind, (jobId: string) => Record<string, unknown>> = {
	videoRender: (jobId) => ({
		videoURL: `${VIDEO_HOST}/videos/${jobId}.mp4`,
		shareVideoURL: `https://video.pictory.ai/share/${jobId}`,
		videoDuration: 42.5,
	}),
	preview: (jobId) => ({
		previewUrl: `https://app.pictory.ai/preview/${jobId}`,
		renderParams: { elements: [] },
	}),
	transcription: () => ({ transcript: words(), txt: 'Hello', srt: '1\n', vtt: 'WEBVTT\n' }),
	highlights: () => ({ transcript: words(true) }),
	image: (jobId) => ({ url: `${IMAGE_HOST}/images/${jobId}.png`, width: 1024, height: 1024 }),
	aiStudioVideo: (jobId) => ({
		url: `${VIDEO_HOST}/aistudio/${jobId}.mp4`,
		duration: '8s',
		thumbnailImageUrl: `${VIDEO_HOST}/aistudio/${jobId}.jpg`,
	}),
};

/** A listed job: completed (of `kind`), failed (holding only its error), or in progress. */
export function listedJob(
	jobId: string,
	status: 'completed' | 'failed' | 'in-progress' = 'completed',
	kind: ListedKind = 'videoRender',
) {
	if (status === 'failed') {
		return {
			success: false,
			data: {
				jobId,
				status: 'failed',
				error_code: 'RENDER_FAILED',
				error_message: 'The video could not be rendered',
			},
		};
	}
	if (status === 'in-progress') return { success: true, data: { jobId, status } };
	return { success: true, data: { jobId, status, ...COMPLETED_DATA[kind](jobId) } };
}
