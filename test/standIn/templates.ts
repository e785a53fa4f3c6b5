/**
 * What the Pictory stand-in answers for templates, saved projects, Vimeo connections and AI Studio
 * videos: the template list and each template with its variables; renders and previews of a
 * template (`templateId` + `variables`, each variable of the template given, or Pictory's 400);
 * GET, DELETE and render of the account's projects; the Vimeo connections (`Items`, paged); AI
 * Studio videos (generate, with the model's aspect ratios and durations checked, and the list,
 * newest first, 100 a page). Its jobs complete on their third check (setChecksToComplete). With a rate limit set
 * (setRateLimit), any API request beyond that many in a second is answered 429 with Retry-After 1,
 * as a busy Pictory answers. What it received is kept per stand-in (templateRecords).
 */
import type { ServerResponse } from 'node:http';

import {
	jobAnswer,
	JOBS_PATH,
	listPageAnswer,
	orderAccepted,
	PREVIEW_PATH,
	previewJobAnswer,
	PROJECTS_PATH,
	RENDER_PATH,
} from '../fixtures';
import {
	aiVideoCompleted,
	AI_VIDEOS_PATH,
	makeAiVideos,
	PROJECT_DELETED,
	projectDetails,
	templateDetails,
	TEMPLATES,
	TEMPLATES_PATH,
	TEMPLATE_VARIABLES,
	VIMEO_CONNECTIONS,
	VIMEO_CONNECTIONS_PATH,
	vimeoJobFields,
} from '../templateFixtures';

/** What the stand-in received for these endpoints. */
export interface TemplateRecords {
	/** Bodies of the template renders and previews accepted, in order. */
	templateOrders: Array<{ preview: boolean; body: TemplateOrder }>;
	/** Template orders refused with 429 (rate limit) or 400. */
	refused: number;
	/** Project ids rendered, deleted. */
	projectRenders: string[];
	projectDeletes: string[];
	/** Bodies of the AI video orders accepted. */
	aiVideoOrders: unknown[];
	/** Every API request answered 429 by the rate limit. */
	rateLimited: number;
	/** The AI Studio videos listed (the generated ones first), newest first. */
	aiVideos: ReturnType<typeof makeAiVideos>;
}

interface TemplateOrder {
	templateId?: string;
	variables?: Record<string, unknown>;
	videoName?: string;
	vimeoConnectionId?: string;
}

interface State {
	records: TemplateRecords;
	/** Job id → its kind and checks so far. */
	jobs: Map<
		string,
		{ kind: 'render' | 'preview' | 'aiVideo'; checks: number; vimeo: boolean; prompt?: string }
	>;
	deleted: Set<string>;
	perSecond?: number;
	answeredAt: number[];
	checksToComplete: number;
}

const states = new WeakMap<object, State>();

function stateOf(standIn: object): State {
	let state = states.get(standIn);
	if (!state) {
		state = {
			records: {
				templateOrders: [],
				refused: 0,
				projectRenders: [],
				projectDeletes: [],
				aiVideoOrders: [],
				rateLimited: 0,
				aiVideos: [],
			},
			jobs: new Map(),
			deleted: new Set(),
			answeredAt: [],
			checksToComplete: 3,
		};
		states.set(standIn, state);
	}
	return state;
}

/** What `standIn` received for templates, projects and AI videos. */
export const templateRecords = (standIn: object): TemplateRecords => stateOf(standIn).records;

/** From now on, at most `perSecond` API requests a second; beyond, 429 with Retry-After: 1. */
export function setRateLimit(standIn: object, perSecond: number | undefined) {
	stateOf(standIn).perSecond = perSecond;
}

/** On which check its jobs complete (3 unless set). */
export function setChecksToComplete(standIn: object, checks: number) {
	stateOf(standIn).checksToComplete = checks;
}

/** The saved projects the stand-in knows (GET /v2/projects lists project-1 and project-2). */
const PROJECT_IDS = ['project-1', 'project-2'];

const MODELS: Record<string, { aspectRatios: string[]; durations: string[] }> = {
	'pixverse5.5': {
		aspectRatios: ['16:9', '9:16', '1:1', '3:4', '4:3'],
		durations: ['5s', '8s', '10s'],
	},
	'veo3.1': { aspectRatios: ['16:9', '9:16'], durations: ['4s', '6s', '8s'] },
	'veo3.1_fast': { aspectRatios: ['16:9', '9:16'], durations: ['4s', '6s', '8s'] },
};

const send = (response: ServerResponse, status: number, body: unknown, headers = {}) => {
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	response.end(JSON.stringify(body));
	return true;
};

const invalid = (fields: Array<{ name: string; errors: string }>) => ({
	code: 'INVALID_REQUEST_BODY',
	message: 'Request body is invalid',
	fields,
});

/** Pictory's 400 for a template order: an unknown template, or a variable it has left out. */
function templateRefusal(order: TemplateOrder) {
	const variables = order.templateId ? TEMPLATE_VARIABLES[order.templateId] : undefined;
	if (!variables) return invalid([{ name: 'templateId', errors: 'template not found' }]);
	const missing = variables.filter((name) => typeof order.variables?.[name] !== 'string');
	if (missing.length) {
		return invalid(missing.map((name) => ({ name: `variables.${name}`, errors: 'is required' })));
	}
	if (!order.videoName) return invalid([{ name: 'videoName', errors: 'is required' }]);
	return undefined;
}

/**
 * Answers the request when it is one of these endpoints (or over the rate limit); false to let
 * the stand-in answer it.
 */
export function answerTemplates(
	standIn: object,
	method: string | undefined,
	url: URL,
	body: Buffer,
	response: ServerResponse,
): boolean {
	const state = stateOf(standIn);
	const { records, jobs } = state;
	const path = url.pathname;
	const read = () => JSON.parse(body.toString() || '{}') as Record<string, unknown>;

	if (state.perSecond !== undefined) {
		const now = Date.now();
		state.answeredAt = state.answeredAt.filter((at) => now - at < 1000);
		if (state.answeredAt.length >= state.perSecond) {
			records.rateLimited++;
			if (method === 'POST' && (path === RENDER_PATH || path === PREVIEW_PATH)) records.refused++;
			return send(response, 429, { message: 'Too many requests' }, { 'Retry-After': '1' });
		}
		state.answeredAt.push(now);
	}

	if (path === TEMPLATES_PATH && method === 'GET') return send(response, 200, { items: TEMPLATES });
	const templateId = new RegExp(`^${TEMPLATES_PATH}/([^/]+)$`).exec(path)?.[1];
	if (templateId !== undefined && method === 'GET') {
		const template = templateDetails(decodeURIComponent(templateId));
		return template
			? send(response, 200, template)
			: send(response, 404, { message: 'Template not found' });
	}
	if ((path === RENDER_PATH || path === PREVIEW_PATH) && method === 'POST') {
		const order = read() as TemplateOrder;
		if (!('templateId' in order)) return false;
		const refusal = templateRefusal(order);
		if (refusal) {
			records.refused++;
			return send(response, 400, refusal);
		}
		const preview = path === PREVIEW_PATH;
		records.templateOrders.push({ preview, body: order });
		const jobId = `template-${preview ? 'preview' : 'render'}-${records.templateOrders.length}`;
		jobs.set(jobId, {
			kind: preview ? 'preview' : 'render',
			checks: 0,
			vimeo: !!order.vimeoConnectionId,
		});
		return send(response, 200, orderAccepted(jobId));
	}

	const project = new RegExp(`^${PROJECTS_PATH}/([^/]+)(/render)?$`).exec(path);
	if (project) {
		const projectId = decodeURIComponent(project[1]);
		if (!PROJECT_IDS.includes(projectId) || state.deleted.has(projectId)) {
			return send(response, 404, { success: false, message: 'Project not found' });
		}
		if (project[2] && method === 'POST') {
			records.projectRenders.push(projectId);
			const jobId = `project-render-${records.projectRenders.length}`;
			jobs.set(jobId, { kind: 'render', checks: 0, vimeo: false });
			return send(response, 200, orderAccepted(jobId));
		}
		if (!project[2] && method === 'GET') {
			return send(response, 200, projectDetails(projectId, url.origin));
		}
		if (!project[2] && method === 'DELETE') {
			state.deleted.add(projectId);
			records.projectDeletes.push(projectId);
			return send(response, 200, PROJECT_DELETED);
		}
	}

	if (path === VIMEO_CONNECTIONS_PATH && method === 'GET') {
		const [status, page] = listPageAnswer(
			VIMEO_CONNECTIONS,
			url.searchParams.get('nextPageKey'),
			1,
		);
		const { items, ...rest } = page as { items?: unknown[] };
		return send(response, status, items ? { Items: items, ...rest } : page);
	}

	if (path === AI_VIDEOS_PATH && method === 'POST') {
		const order = read();
		const model = MODELS[String(order.model ?? 'pixverse5.5')];
		const fields = [];
		if (typeof order.prompt !== 'string' || order.prompt.length < 5) {
			fields.push({ name: 'prompt', errors: 'must be 5 to 5000 characters' });
		}
		if (!model) fields.push({ name: 'model', errors: 'unknown model' });
		else {
			if (
				order.aspectRatio !== undefined &&
				!model.aspectRatios.includes(String(order.aspectRatio))
			)
				fields.push({ name: 'aspectRatio', errors: 'not allowed for this model' });
			if (order.duration !== undefined && !model.durations.includes(String(order.duration)))
				fields.push({ name: 'duration', errors: 'not allowed for this model' });
		}
		if (fields.length) return send(response, 400, invalid(fields));
		records.aiVideoOrders.push(order);
		const jobId = `ai-video-${records.aiVideoOrders.length}`;
		jobs.set(jobId, { kind: 'aiVideo', checks: 0, vimeo: false, prompt: String(order.prompt) });
		return send(response, 200, orderAccepted(jobId));
	}
	if (path === AI_VIDEOS_PATH && method === 'GET') {
		const [status, page] = listPageAnswer(
			records.aiVideos,
			url.searchParams.get('nextPageKey'),
			100,
		);
		return send(response, status, page);
	}

	const jobId = path.startsWith(`${JOBS_PATH}/`)
		? decodeURIComponent(path.slice(JOBS_PATH.length + 1))
		: undefined;
	const job = jobId === undefined ? undefined : jobs.get(jobId);
	if (jobId !== undefined && job && method === 'GET') {
		job.checks++;
		if (job.checks < state.checksToComplete)
			return send(response, 200, jobAnswer.inProgress(jobId));
		if (job.kind === 'preview')
			return send(response, 200, previewJobAnswer.completed(jobId, {}, url.origin));
		if (job.kind === 'aiVideo') {
			// Once done, it is listed first, as Pictory lists the newest first.
			if (job.checks === state.checksToComplete) {
				const [video] = makeAiVideos(1, url.origin);
				records.aiVideos.unshift({
					...video,
					id: jobId,
					url: `${url.origin}/videos/${jobId}.mp4`,
					prompt: job.prompt ?? '',
					createdDate: new Date().toISOString(),
				});
			}
			return send(response, 200, aiVideoCompleted(jobId, url.origin));
		}
		const done = jobAnswer.videoCompleted(jobId, url.origin);
		return send(
			response,
			200,
			job.vimeo ? { ...done, data: { ...done.data, ...vimeoJobFields(jobId) } } : done,
		);
	}
	return false;
}
