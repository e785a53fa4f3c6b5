/**
 * Fixtures for templates, projects, Vimeo connections and AI Studio videos, shaped as Pictory
 * documents them: shared by the nock tests and the HTTP stand-in (test/standIn/templates.ts).
 */
import { API_PATH, VIDEO_HOST } from './fixtures';

export const TEMPLATES_PATH = `${API_PATH}/v1/templates`;
export const templatePath = (templateId: string) =>
	`${TEMPLATES_PATH}/${encodeURIComponent(templateId)}`;

/** GET /v1/templates: in creation order, one deprecated [stated shape]. */
export const TEMPLATES = [
	{
		templateId: 'tpl-welcome',
		name: 'Customer welcome',
		language: 'English',
		published: true,
		deprecated: false,
	},
	{
		templateId: 'tpl-old-promo',
		name: 'Old promo',
		language: 'English',
		published: true,
		deprecated: true,
	},
	{
		templateId: 'tpl-oferta',
		name: 'Oferta de primavera',
		language: 'Spanish',
		published: true,
		deprecated: false,
	},
];

/** Each template's variables. */
export const TEMPLATE_VARIABLES: Record<string, string[]> = {
	'tpl-welcome': ['Name', 'Company', 'Offer'],
	'tpl-old-promo': ['Product'],
	'tpl-oferta': [],
};

/** GET /v1/templates/{id}: `depricated` as the API spells it there, `variables` as an object. */
export function templateDetails(templateId: string) {
	const listed = TEMPLATES.find((template) => template.templateId === templateId);
	if (!listed) return undefined;
	const { deprecated, ...rest } = listed;
	const variables = TEMPLATE_VARIABLES[templateId];
	return {
		...rest,
		depricated: deprecated,
		backgroundMusic: { enabled: true },
		voiceOver: { enabled: true },
		scenes: variables.map((name, index) => ({
			sceneId: `scene-${index + 1}`,
			subtitles: [{ text: `Hello {{${name}}}` }],
			layers: [[{ layerId: `layer-${index + 1}`, type: 'text', text: `{{${name}}}` }]],
		})),
		variables: Object.fromEntries(variables.map((name) => [name, name.toUpperCase()])),
		schemaVersion: 'v3',
		project: `${VIDEO_HOST}/templates/${templateId}/project.json`,
		structure: `${VIDEO_HOST}/templates/${templateId}/structure.json`,
	};
}

// ---- Projects: GET / DELETE /v2/projects/{id}, POST /v2/projects/{id}/render ----

export const projectPath = (projectId: string) =>
	`${API_PATH}/v2/projects/${encodeURIComponent(projectId)}`;

/** GET /v2/projects/{id} [stated fields]: the files of its last render and its scenes. */
export const projectDetails = (projectId: string, videoHost: string = VIDEO_HOST) => ({
	project_id: projectId,
	projectName: 'Product launch',
	projectType: 'script',
	source: 'script',
	step: 'RENDER',
	schemaVersion: 'v3',
	scriptLanguage: 'en',
	thumbnail: `${videoHost}/projects/${projectId}.jpg`,
	videoURL: `${videoHost}/videos/${projectId}.mp4`,
	audioURL: `${videoHost}/projects/${projectId}.mp3`,
	shareVideoURL: `https://video.pictory.ai/share/${projectId}`,
	srtFile: `${videoHost}/projects/${projectId}.srt`,
	vttFile: `${videoHost}/projects/${projectId}.vtt`,
	txtFile: `${videoHost}/projects/${projectId}.txt`,
	videoDuration: 31.2,
	saveDate: '2026-04-01T09:30:00.000Z',
	scenes: [
		{ sceneId: 'scene-1', text: 'Meet the new model.', category: 'TITLE', sortOrder: 1 },
		{ sceneId: 'scene-2', text: 'It ships in May.', category: 'DEFAULT', sortOrder: 2 },
	],
});

/** DELETE /v2/projects/{id} [stated]. */
export const PROJECT_DELETED = { success: true, message: 'Project deleted successfully' };

// ---- Vimeo connections: GET /v1/vimeo-connections ----

export const VIMEO_CONNECTIONS_PATH = `${API_PATH}/v1/vimeo-connections`;

/** Pictory's Vimeo connections [stated fields]; no secrets are ever listed. */
export const VIMEO_CONNECTIONS = [
	{
		connectionId: 'vimeo-marketing',
		name: 'Marketing channel',
		description: 'Company Vimeo',
		clientIdentifier: 'a1b2c3',
		type: 'VIMEO',
		enabled: true,
		createdDate: '2026-02-01T10:00:00.000Z',
		updatedDate: '2026-02-01T10:00:00.000Z',
		version: 1,
	},
	{
		connectionId: 'vimeo-old',
		name: 'Old account',
		clientIdentifier: 'd4e5f6',
		type: 'VIMEO',
		enabled: false,
		version: 3,
	},
];

/** A finished render published to Vimeo: Pictory's job with its Vimeo destination's link. */
export const vimeoJobFields = (jobId: string) => ({
	destinations: [
		{ type: 'vimeo', status: 'completed', url: `https://vimeo.com/9${jobId.length}0123` },
	],
});

// ---- AI Studio videos: GET / POST /v1/aistudio/videos ----

export const AI_VIDEOS_PATH = `${API_PATH}/v1/aistudio/videos`;

/** `count` AI Studio videos, newest first, one minute apart [stated fields]; ids `vid-<n>`. */
export function makeAiVideos(count: number, videoHost: string = VIDEO_HOST) {
	const newest = Date.parse('2026-04-04T06:03:38.665Z');
	return Array.from({ length: count }, (_, index) => {
		const id = `vid-${String(count - index).padStart(6, '0')}`;
		return {
			url: `${videoHost}/videos/${id}.mp4`,
			id,
			prompt: `Prompt for ${id}`,
			aspectRatio: '16:9',
			createdDate: new Date(newest - index * 60_000).toISOString(),
			model: index % 2 ? 'veo3.1_fast' : 'pixverse5.5',
			width: 1280,
			height: 720,
			duration: index % 2 ? '4s' : '5s',
			previewImageUrl: `${videoHost}/videos/${id}-preview.jpg`,
			thumbnailImageUrl: `${videoHost}/videos/${id}-thumb.jpg`,
			lastFrameImageUrl: `${videoHost}/videos/${id}-last.jpg`,
		};
	});
}

/** A finished AI video job [inferred]: its file as `url`, like an image job's. */
export const aiVideoCompleted = (jobId: string, videoHost: string = VIDEO_HOST) => ({
	job_id: jobId,
	success: true,
	data: {
		status: 'completed',
		url: `${videoHost}/videos/${jobId}.mp4`,
		width: 1280,
		height: 720,
		duration: '5s',
		aiCreditsUsed: 8,
	},
});
