/**
 * What Pictory answers, for every endpoint the nodes call, and the one reader of each answer.
 *
 * The shapes are Pictory's documentation (docs.pictory.ai; [stated]) or our reading of it
 * ([inferred]). Where sources spell a field two ways, the type has both and the reader accepts
 * both. A reader checks what the node needs to go on (an object, a list, a job's status, an
 * order's job id) and says what is wrong when it is missing; the other fields are typed as
 * Pictory documents them but not checked, and the node reads them with care (an image without a
 * date must not stop the trigger). No reader drops or rewrites a field: an item keeps everything
 * Pictory sent.
 *
 * Pictory's error bodies are typed here too; they are read by `readErrorBody` in failures.ts,
 * beneath every request's error.
 */
import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';

import {
	apiError,
	pictoryMessage,
	readErrorBody,
	redactApiKeys,
	unreadableAnswer,
} from './failures';
import { asObject, idText } from './transport';

// ---- Error bodies (any endpoint) ----

/** One refused field of a 400 [stated]. */
export interface PictoryFieldError {
	name: string;
	/** What is wrong with it [stated: text]. */
	errors?: unknown;
}

/** The error object of older endpoints [stated]; `code` and `message` [inferred]. */
export interface PictoryErrorDetail extends IDataObject {
	error_code?: string;
	error_message?: string;
	code?: string;
	message?: string;
}

/**
 * Pictory's error bodies, in all their spellings [stated unless marked]:
 * - a bad request (400): `{ code: "INVALID_REQUEST_BODY", message, fields: [{ name, errors }] }`;
 * - a missing or wrong key (401): `{ message: "Unauthorized" }`;
 * - older endpoints: `{ success: false, error: { error_code, error_message } }`;
 * - a failed or unknown job: `{ success: false, error_code, error_message }`, or the same two in
 *   `data` (an unknown job: `error_code "5000"`, `error_message "JOB_NOT_FOUND"`);
 * - `errorCode`/`errorMessage`, and `error` as plain text [inferred].
 *
 * As `readErrorBody` gives it: texts only where Pictory sent text, codes also where it sent a
 * number (as text), `error` as text or as an object, `fields` only those with a name.
 */
export interface PictoryErrorBody {
	success?: boolean;
	code?: string;
	message?: string;
	fields?: PictoryFieldError[];
	error_code?: string;
	error_message?: string;
	errorCode?: string;
	errorMessage?: string;
	error?: string | PictoryErrorDetail;
	data?: PictoryErrorBody;
}

// ---- Lists (images, jobs, projects) ----

/** One page of a list [stated]: up to 100 items, newest first, and the next page's key. */
export interface ListPage<T> {
	items: T[];
	/** Absent (or null, or empty) on the last page. */
	nextPageKey?: string;
	/** The answer's field the key was in, for errors. */
	nextKeyField?: string;
}

/** One of Pictory's paged lists, and how its pages are spelled. */
export interface PictoryList<T extends IDataObject> {
	/** What the list holds, for errors: 'images'. */
	noun: string;
	/** The query parameter that asks for the next page [stated]. */
	pageKeyParam: string;
	/**
	 * The answer's fields that may hold the next page's key: Pictory's spelling for this list
	 * first [stated], then the spellings of its other lists, in case it answers those [inferred].
	 */
	nextKeyFields: string[];
	/** Identifies an item, so that one listed on two pages comes back once. */
	idOf: (item: T) => string | undefined;
}

/** The next page's key: the first of the list's spellings that is there. */
function nextPageOf(
	node: INode,
	answer: IDataObject,
	{ nextKeyFields }: PictoryList<IDataObject>,
): Pick<ListPage<unknown>, 'nextPageKey' | 'nextKeyField'> {
	for (const field of nextKeyFields) {
		const key = answer[field];
		if (key === undefined || key === null) continue;
		if (typeof key !== 'string') throw unreadableAnswer(node, `The "${field}" is not a string.`);
		return { nextPageKey: key || undefined, nextKeyField: field };
	}
	return {};
}

/**
 * Reads a page of `list`: `{ items: [objects…], <next page key>?: string }`. A `success: false`
 * (or a message instead of the items) is Pictory refusing; anything else is an error.
 */
export function readPage<T extends IDataObject>(
	node: INode,
	body: unknown,
	list: PictoryList<T>,
): ListPage<T> {
	const answer = asObject(body);
	if (!answer) {
		const got =
			typeof body === 'string'
				? 'text that is not JSON'
				: redactApiKeys(String(JSON.stringify(body)).slice(0, 80));
		throw unreadableAnswer(node, `Expected a JSON object with an "items" list but got ${got}.`);
	}
	if (answer.success === false) throw listRefusedError(node, answer);
	const { items } = answer;
	if (!Array.isArray(items)) {
		if (typeof answer.message === 'string' || typeof answer.error === 'string') {
			throw listRefusedError(node, answer);
		}
		throw unreadableAnswer(node, 'The answer has no "items" list.');
	}
	if (items.some((item) => !asObject(item))) {
		throw unreadableAnswer(node, `The "items" list holds something other than ${list.noun}.`);
	}
	return { items: items as T[], ...nextPageOf(node, answer, list as PictoryList<IDataObject>) };
}

/** A list answered with `success: false`, which Pictory sends with a 200 for some refusals. */
export function listRefusedError(node: INode, body: unknown): NodeApiError {
	const said = pictoryMessage(body);
	return apiError(
		node,
		'Pictory refused the request',
		said ? `Pictory said: ${said}` : 'Pictory answered "success: false" without saying why.',
		{ success: false },
	);
}

const PAGE_KEY_SPELLINGS = ['nextPageKey', 'pageKey', 'pagekey'];

// ---- AI Studio images: GET /v1/aistudio/images ----

/**
 * One AI Studio image as Pictory lists it [stated]; `style` and `referenceImageUrl` only when set
 * at generation. Read `id`, `createdDate` and `url` with the functions below.
 */
export interface PictoryImage extends IDataObject {
	id: string;
	/** The image file. */
	url: string;
	/** ISO 8601. */
	createdDate: string;
	prompt?: string;
	aspectRatio?: string;
	model?: string;
	width?: number;
	height?: number;
	style?: string;
	referenceImageUrl?: string;
}

export const imageId = (image: IDataObject) => idText(image.id);

/** An image's creation time in ms; NaN when Pictory gave none that can be read. */
export const createdAt = (image: IDataObject) => Date.parse(String(image.createdDate));

/** The link to an image's file; undefined while Pictory lists it without one. */
export const imageUrl = (image: IDataObject) =>
	typeof image.url === 'string' ? image.url : undefined;

/** `{ items: [images…], nextPageKey? }`, newest first, over the query `nextPageKey` [stated]. */
export const IMAGE_LIST: PictoryList<PictoryImage> = {
	noun: 'images',
	pageKeyParam: 'nextPageKey',
	nextKeyFields: PAGE_KEY_SPELLINGS,
	idOf: imageId,
};

// ---- Orders: POST /v1/aistudio/images, POST /v2/video/storyboard/render ----

/**
 * Pictory's answer to an order [stated]: `{ success: true, data: { jobId } }`. Older endpoints
 * answered `jobId` at the top, or `data.job_id` [stated, legacy]; all four are read.
 */
export interface OrderAnswer extends IDataObject {
	success?: boolean;
	data?: { jobId?: string; job_id?: string } & IDataObject;
	jobId?: string;
	job_id?: string;
}

/** What an order's answer says: Pictory refused it, or took it as a job (its id, if given). */
export type ReadOrder = { refused: PictoryErrorBody } | { jobId: string | undefined };

/** A job's id in a job or order answer: `data.jobId`, `data.job_id`, `jobId` or `job_id`. */
export function jobIdOf(answer: IDataObject): string | undefined {
	const data = asObject(answer.data) ?? {};
	return [data.jobId, data.job_id, answer.jobId, answer.job_id]
		.map((value) => idText(value)?.trim())
		.find(Boolean);
}

/**
 * Reads an order's answer. It never throws: what an answer without a job means (Pictory may have
 * taken the order) is for orders.ts to say.
 */
export function readOrderAnswer(body: unknown): ReadOrder {
	const refusal = readErrorBody(body);
	if (refusal?.success === false) return { refused: refusal };
	const answer = asObject(body);
	return { jobId: answer && jobIdOf(answer) };
}

// ---- Jobs: GET /v1/jobs/{id}, GET /v1/jobs ----

/** A job's status [stated]: in-progress (some pages: pending), completed, failed, or cleaned. */
export type JobStatus = 'in-progress' | 'pending' | 'completed' | 'failed' | 'cleaned';

/**
 * A job's fields, in `data` [stated]. While a video renders: `renderProgress` (0–100),
 * `renderProgressMessage`, `renderState`. Completed image: `url`, `width`, `height`. Completed
 * video: `videoURL`, `videoShareURL` (some pages: `shareVideoURL`), `thumbnail`, `srtFile`,
 * `vttFile`, `txtFile`, `videoDuration` (s). Both: `aiCreditsUsed`. Failed: `error_code`,
 * `error_message`. A job's kind is not given: its fields tell.
 */
export interface PictoryJobData extends IDataObject {
	status: JobStatus | string;
	jobId?: string;
	renderProgress?: number;
	url?: string;
	width?: number;
	height?: number;
	videoURL?: string;
	videoShareURL?: string;
	shareVideoURL?: string;
	thumbnail?: string;
	srtFile?: string;
	vttFile?: string;
	txtFile?: string;
	videoDuration?: number;
	aiCreditsUsed?: number;
	error_code?: string;
	error_message?: string;
}

/**
 * Pictory's answer for a job [stated]: `{ job_id, success, data: { status, … } }`; a failed job
 * has `success: false` and `error_code`/`error_message` at the top or in `data`. Some answers give
 * every field at the top, `jobId` or `job_id` among them [inferred]. GET /v1/jobs lists jobs in
 * this shape.
 */
export interface PictoryJobAnswer extends IDataObject {
	job_id?: string;
	jobId?: string;
	success?: boolean;
	data?: PictoryJobData;
	status?: string;
	error_code?: string;
	error_message?: string;
}

/**
 * A job as the node outputs it: `jobId`, `status`, and every other field Pictory sent with it
 * (from `data` and the top, flat), with one name for each: `videoShareURL` also when Pictory
 * says `shareVideoURL`, and a failed job's `errorCode` and `errorMessage`.
 */
export interface JobResult extends IDataObject {
	jobId: string;
	status: string;
	errorCode?: string;
	errorMessage?: string;
	url?: string;
	videoURL?: string;
	videoShareURL?: string;
	/** A completed preview's link, for a browser or an iframe. */
	previewUrl?: string;
	projectId?: string | number;
	projectUrl?: string;
	/** A render published to Vimeo: its link there. */
	vimeoUrl?: string;
}

/** `{ items: [jobs…], nextPageKey? }`, newest first, over the query `nextPageKey` [stated]. */
export const JOB_LIST: PictoryList<PictoryJobAnswer> = {
	noun: 'jobs',
	pageKeyParam: 'nextPageKey',
	nextKeyFields: PAGE_KEY_SPELLINGS,
	idOf: jobIdOf,
};

const firstString = (...values: unknown[]) =>
	values.find((value): value is string => typeof value === 'string' && value !== '');

/**
 * Pictory's envelope (`success`, `data`), the id and status (given as `jobId` and `status`), and
 * its failure fields (given as `errorCode` and `errorMessage`): every other field is the job's.
 */
const READ_FIELDS = new Set([
	'success',
	'data',
	'job_id',
	'jobId',
	'status',
	'error',
	'error_code',
	'error_message',
]);

/**
 * Reads a job answer, nested or flat, as job `jobId`. Every field is kept, from `data` when it is
 * in both places; a failed job's message has API keys hidden.
 */
export function readJobAnswer(node: INode, jobId: string, body: unknown): JobResult {
	const answer = asObject(body);
	if (!answer) throw unreadableAnswer(node, `Expected a JSON object describing job ${jobId}.`);
	const data = asObject(answer.data) ?? {};
	const fields: IDataObject = Object.fromEntries(
		[...Object.entries(answer), ...Object.entries(data)].filter(([key]) => !READ_FIELDS.has(key)),
	);
	const status = firstString(data.status, answer.status);

	if (answer.success === false || status === 'failed') {
		const said = readErrorBody(answer) ?? {};
		const saidInData = said.data ?? {};
		const detail = asObject(said.error) ?? asObject(saidInData.error) ?? {};
		const errorCode = firstString(
			said.error_code,
			saidInData.error_code,
			detail.error_code,
			detail.code,
			saidInData.errorCode ?? said.errorCode,
		);
		const errorMessage = firstString(
			said.error_message,
			saidInData.error_message,
			detail.error_message,
			detail.message,
			saidInData.errorMessage ?? said.errorMessage,
			said.error,
		);
		return {
			jobId,
			status: 'failed',
			...fields,
			...(errorCode && { errorCode }),
			...(errorMessage && { errorMessage: redactApiKeys(errorMessage) }),
		};
	}
	if (!status) throw unreadableAnswer(node, `The answer for job ${jobId} has no "status".`);

	const job: JobResult = { jobId, status, ...fields };
	for (const [name, spellings] of Object.entries(JOB_FIELD_SPELLINGS)) {
		const given = spellings.find((spelling) => ['string', 'number'].includes(typeof job[spelling]));
		if (job[name] === undefined && given) job[name] = job[given];
	}
	const vimeoUrl = job.vimeoUrl ?? vimeoLinkIn(job.destinations);
	if (vimeoUrl !== undefined) job.vimeoUrl = vimeoUrl;
	return job;
}

/**
 * A render published to Vimeo: Pictory returns the Vimeo link with the job [stated], under a name
 * it does not show [inferred: a `vimeo…` field, or the url of the job's Vimeo destination].
 */
function vimeoLinkIn(destinations: unknown): string | undefined {
	if (!Array.isArray(destinations)) return undefined;
	for (const entry of destinations) {
		const destination = asObject(entry);
		if (!destination || String(destination.type).toLowerCase() !== 'vimeo') continue;
		const link = firstString(
			destination.url,
			destination.link,
			destination.videoUrl,
			destination.vimeoUrl,
			destination.uri,
		);
		if (link) return link;
	}
	return undefined;
}

/**
 * A job's fields that Pictory spells more than one way, each also given under the one name the
 * node outputs: a video's share link (`shareVideoURL` on some pages [stated]); a preview's link
 * (`previewUrl` [stated], `preview` in legacy v1 jobs [stated]); and, with Save as Project, the
 * project's id and link (names not shown by Pictory [inferred]).
 */
const JOB_FIELD_SPELLINGS: Record<string, string[]> = {
	videoShareURL: ['shareVideoURL'],
	previewUrl: ['preview', 'previewURL'],
	projectId: ['project_id'],
	projectUrl: ['projectURL', 'project_url'],
	vimeoUrl: ['vimeoURL', 'vimeo_url', 'vimeoLink', 'vimeoVideoUrl', 'vimeoVideoURL'],
};

/**
 * Pictory's way of saying a job id is unknown: `error_code` 5000 / JOB_NOT_FOUND [stated], or a
 * message such as "Job not found" [inferred].
 */
export function saysUnknownJob(body: unknown): boolean {
	const said = readErrorBody(body);
	if (!said) return false;
	const data = said.data ?? {};
	const detail = asObject(said.error) ?? {};
	return [
		said.error_code,
		said.error_message,
		said.message,
		data.error_code,
		data.error_message,
		detail.code,
		detail.message,
	].some(
		(text) => text === '5000' || /job[ _]?not[ _]?found|no such job/i.test(String(text ?? '')),
	);
}

// ---- Projects: GET /v2/projects ----

/**
 * A saved project as Pictory lists it [stated]: `id` (text since schema v3, a number before),
 * `name`, `source` (script, transcribe, url…), `projectPreview`, `savedDate`, `aspectRatio`
 * ("sixteen-nine"), `schemaVersion`, `type`.
 */
export interface PictoryProject extends IDataObject {
	id: string | number;
	name?: string;
	savedDate?: string;
}

/** `{ items: [projects…], pageKey }`, asked for as `pagekey`; null on the last page [stated]. */
export const PROJECT_LIST: PictoryList<PictoryProject> = {
	noun: 'projects',
	pageKeyParam: 'pagekey',
	nextKeyFields: ['pageKey', 'pagekey', 'nextPageKey'],
	idOf: (project) => idText(project.id),
};

// ---- The dropdown lists of Create from Text (no paging) ----

/**
 * A voice, from GET /v1/voiceovers/tracks [stated: a bare list]: `name` is what a request's
 * `speaker` takes; `sample` is a recording of it; `service` is aws, google or elevenlabs.
 */
export interface PictoryVoice extends IDataObject {
	id?: string | number;
	name: string;
	voice?: string;
	gender?: string;
	accent?: string;
	language?: string;
	service?: string;
	sample?: string;
}

/** A smart layout, from GET /v1/smartlayouts [stated: `{ items: [...] }`]. */
export interface PictorySmartLayout extends IDataObject {
	templateId?: string;
	templateName: string;
}

/** A brand, from GET /v1/brands/video [stated: a bare list]. */
export interface PictoryBrand extends IDataObject {
	id?: string | number;
	name: string;
}

/** A subtitle style, from GET /v1/styles [stated: a bare list]. */
export interface PictorySubtitleStyle extends IDataObject {
	id?: string | number;
	name: string;
}

/**
 * Reads the answer to the list at `url`: a bare list or `{ items: [...] }`, whichever Pictory
 * sends, its objects only.
 */
export function readEntries<T extends IDataObject>(node: INode, url: string, body: unknown): T[] {
	const list = Array.isArray(body) ? body : asObject(body)?.items;
	if (!Array.isArray(list)) throw unreadableAnswer(node, `The answer to ${url} is not a list.`);
	return list.filter((entry): entry is T => asObject(entry) !== undefined);
}

// ---- Voices: GET /v1/voiceovers/tracks (Voice → Get Many and the Voice dropdown) ----

export const VOICES_PATH = '/v1/voiceovers/tracks';

/** Pictory's voices, every field kept: the one reader of the voice list. */
export const readVoices = (node: INode, body: unknown) =>
	readEntries<PictoryVoice>(node, VOICES_PATH, body);

// ---- Account: GET /v1/quota, GET /v1/aicredits/usage ----

/** Used and allowed this billing term [stated]; minutes or credits. */
export interface PictoryAllowance extends IDataObject {
	used?: number;
	limit?: number;
}

/** GET /v1/quota [stated]: the current billing term's use, one allowance per kind. */
export interface PictoryQuota extends IDataObject {
	videoMinutes?: PictoryAllowance;
	transcriptionMinutes?: PictoryAllowance;
	elevenLabsVoiceOverMinutes?: PictoryAllowance;
	aiCredits?: PictoryAllowance;
}

const QUOTA_FIELDS = [
	'videoMinutes',
	'transcriptionMinutes',
	'elevenLabsVoiceOverMinutes',
	'aiCredits',
];

/**
 * Reads the quota: an object with the allowances at the top [stated], or inside `data` as the
 * `/v2` answers are wrapped [inferred]. `success: false` is Pictory refusing.
 */
export function readQuota(node: INode, body: unknown): PictoryQuota {
	const answer = asObject(body);
	if (!answer) throw unreadableAnswer(node, 'Expected a JSON object with the quota.');
	if (answer.success === false) throw listRefusedError(node, answer);
	const data = asObject(answer.data);
	const holds = (object: IDataObject) => QUOTA_FIELDS.some((field) => field in object);
	if (!holds(answer) && data && holds(data)) return data;
	if (!holds(answer)) throw unreadableAnswer(node, 'The answer has none of the quota’s fields.');
	return answer;
}

/** One AI-credit transaction [stated]: `type` credit or debit; newest first. */
export interface PictoryCreditTransaction extends IDataObject {
	transactionId?: string;
	type?: string;
	amount?: number;
	/** What spent or gave the credits: "Text-to-Image", "AI Avatar", "Monthly Reset"… */
	source?: string;
	description?: string;
	plan?: string;
	transactionDate?: string;
}

export const AI_CREDIT_USAGE_PATH = '/v1/aicredits/usage';

/**
 * Reads the AI-credit ledger: a bare list [stated], or the same in `items` or `data` [inferred];
 * `success: false` is Pictory refusing.
 */
export function readCreditUsage(node: INode, body: unknown): PictoryCreditTransaction[] {
	const answer = asObject(body);
	if (answer?.success === false) throw listRefusedError(node, answer);
	const list = Array.isArray(answer?.data) ? answer.data : body;
	return readEntries<PictoryCreditTransaction>(node, AI_CREDIT_USAGE_PATH, list);
}

// ---- Stock media: GET /v1/media/search ----

/** A stock video or image [stated]; its preview links are watermarked and expire. */
export interface PictoryStockMedia extends IDataObject {
	assetId?: string | number;
	id?: string | number;
	duration?: number;
	keyword?: string;
	mediaDescription?: string;
	/** video or image. */
	mediaType?: string;
	preview?: { jpg?: string; url?: string };
	thumbnail?: { jpg?: string; url?: string };
	/** story_blocks or getty. */
	searchLibrary?: string;
}

export const MEDIA_SEARCH_PATH = '/v1/media/search';

/**
 * Reads a stock search: `{ data: { page, searchResults: [...] } }` [stated], or `searchResults`
 * or `items` at the top [inferred]. No results is an empty list.
 */
export function readStockSearch(node: INode, body: unknown): PictoryStockMedia[] {
	const answer = asObject(body);
	if (!answer) throw unreadableAnswer(node, 'Expected a JSON object with "searchResults".');
	if (answer.success === false) throw listRefusedError(node, answer);
	const data = asObject(answer.data) ?? {};
	const list = [data.searchResults, answer.searchResults, data.items, answer.items].find(
		Array.isArray,
	);
	if (!list) {
		if (typeof answer.message === 'string') throw listRefusedError(node, answer);
		throw unreadableAnswer(node, 'The answer has no "searchResults" list.');
	}
	return readEntries<PictoryStockMedia>(node, MEDIA_SEARCH_PATH, list);
}

// ---- Music: POST /v1/music/search, GET /v1/music/{moods,genres,…} ----

/** A track [stated]: `audioUrl` is its stream, `duration` in seconds. */
export interface PictoryTrack extends IDataObject {
	id?: string | number;
	title?: string;
	audioUrl?: string;
	duration?: number;
	genres?: string[];
	instruments?: string[];
	moods?: string[];
	purposes?: string[];
}

export const MUSIC_SEARCH_PATH = '/v1/music/search';

/**
 * Reads a page of a music search: `{ items: [...] }` [stated]; Pictory's own client also takes
 * `data.items`, `searchResults` and `tracks` [stated], and so does this reader.
 */
export function readTracks(node: INode, body: unknown): PictoryTrack[] {
	const answer = asObject(body);
	if (!answer) throw unreadableAnswer(node, 'Expected a JSON object with the tracks in "items".');
	if (answer.success === false) throw listRefusedError(node, answer);
	const data = asObject(answer.data) ?? {};
	const list = [answer.items, data.items, answer.searchResults, answer.tracks, data.tracks].find(
		Array.isArray,
	);
	if (!list) {
		if (typeof answer.message === 'string') throw listRefusedError(node, answer);
		throw unreadableAnswer(node, 'The answer has no "items" list of tracks.');
	}
	return readEntries<PictoryTrack>(node, MUSIC_SEARCH_PATH, list);
}

/**
 * Reads one of the music filter lists (moods, genres…): a bare list of names [stated]; objects
 * with a `name` are taken too [inferred]. Each name once, as Pictory spells it (values are
 * case-sensitive [stated]).
 */
export function readNames(node: INode, url: string, body: unknown): string[] {
	const list = Array.isArray(body) ? body : asObject(body)?.items;
	if (!Array.isArray(list)) throw unreadableAnswer(node, `The answer to ${url} is not a list.`);
	const names = list.map((entry) => (typeof entry === 'string' ? entry : asObject(entry)?.name));
	return [
		...new Set(names.filter((name): name is string => typeof name === 'string' && !!name.trim())),
	];
}

// ---- Avatars: GET /v1/avatars ----

/** One look of an avatar [stated]: its `id` is what a storyboard's `avatar.avatarId` takes. */
export interface PictoryAvatarLook extends IDataObject {
	id: string;
	name?: string;
	/** A still of the look (.webp). */
	previewImage?: string;
	/** A clip of the look (.webm). */
	previewVideo?: string;
}

/** An avatar as Pictory lists it [stated]: `gender` is Male, Female or null. */
export interface PictoryAvatar extends IDataObject {
	id: string;
	name?: string;
	gender?: string | null;
	looks?: PictoryAvatarLook[];
}

/** `{ items: [avatars…], nextPageKey }`, over the query `nextPageKey` [stated]. */
export const AVATAR_LIST: PictoryList<PictoryAvatar> = {
	noun: 'avatars',
	pageKeyParam: 'nextPageKey',
	nextKeyFields: PAGE_KEY_SPELLINGS,
	idOf: (avatar) => idText(avatar.id),
};

/** An avatar's looks that can be used: objects with an id, as Pictory lists them. */
export function avatarLooks(avatar: PictoryAvatar): PictoryAvatarLook[] {
	const looks: unknown[] = Array.isArray(avatar.looks) ? avatar.looks : [];
	return looks.filter((look): look is PictoryAvatarLook => {
		const entry = asObject(look);
		return entry !== undefined && idText(entry.id) !== undefined;
	});
}

// ---- Templates: GET /v1/templates, GET /v1/templates/{id} ----

/**
 * A template as Pictory lists it [stated]: `{ items: [ { templateId, name, language, published,
 * deprecated } ] }`, no paging. One template (GET /v1/templates/{id}) adds `scenes`, `variables`
 * (`{ Name: "NAME" }`: its keys are the variables' names), `backgroundMusic`, `voiceOver`… and
 * spells deprecated `depricated` [stated]: both are read.
 */
export interface PictoryTemplate extends IDataObject {
	templateId: string;
	name?: string;
	language?: string;
	published?: boolean;
	deprecated?: boolean;
	depricated?: boolean;
	variables?: IDataObject | string[];
}

/** A template's id: `templateId` [stated], or `id` [inferred]. */
export const templateIdOf = (template: IDataObject) => idText(template.templateId ?? template.id);

/** Whether Pictory marks the template deprecated, in either of its spellings. */
export const isDeprecated = (template: IDataObject) =>
	template.deprecated === true || template.depricated === true;

/**
 * A template's variables' names, in Pictory's order: the keys of `variables` [stated], or the
 * entries of a list of names or of `{ name }` objects [inferred]. None when it has none.
 */
export function templateVariables(template: IDataObject): string[] {
	const { variables } = template;
	const names = Array.isArray(variables)
		? variables.map((entry) =>
				typeof entry === 'string' ? entry : asObject(entry) && asObject(entry)!.name,
			)
		: Object.keys(asObject(variables) ?? {});
	return [...new Set(names.filter((name): name is string => typeof name === 'string' && !!name))];
}

/** Reads GET /v1/templates/{id}: the template object, in `data` or at the top [inferred]. */
export function readTemplate(node: INode, templateId: string, body: unknown): PictoryTemplate {
	const answer = asObject(body);
	if (answer?.success === false) throw listRefusedError(node, answer);
	const template = asObject(answer?.data) ?? answer;
	if (!template || (!('variables' in template) && templateIdOf(template) === undefined)) {
		throw unreadableAnswer(node, `Expected a JSON object describing template ${templateId}.`);
	}
	return template as PictoryTemplate;
}

// ---- Projects: GET and DELETE /v2/projects/{id} ----

/**
 * One project (GET /v2/projects/{id}) [stated]: `project_id`, `projectName`, `step`, the files
 * of its last render (`videoURL`, `audioURL`, `shareVideoURL`, `srtFile`, `vttFile`, `txtFile`,
 * `thumbnail`, `videoDuration`) and its `scenes`, among others. In `data` or at the top
 * [inferred]; every field is kept.
 */
export interface PictoryProjectDetails extends IDataObject {
	project_id?: string | number;
	projectName?: string;
	videoURL?: string;
	audioURL?: string;
	shareVideoURL?: string;
	scenes?: IDataObject[];
}

/** Reads GET /v2/projects/{id}: the project, with `projectId` given as one name. */
export function readProject(node: INode, projectId: string, body: unknown): IDataObject {
	const answer = asObject(body);
	if (answer?.success === false) throw listRefusedError(node, answer);
	const project = asObject(answer?.data) ?? answer;
	if (!project)
		throw unreadableAnswer(node, `Expected a JSON object describing project ${projectId}.`);
	const id = idText(project.project_id ?? project.projectId ?? project.id) ?? projectId;
	return { projectId: id, ...project };
}

// ---- Vimeo connections: GET /v1/vimeo-connections ----

/**
 * A Vimeo connection [stated]: `{ Items: [ { connectionId, name, description, clientIdentifier,
 * type: "VIMEO", enabled, … } ], nextPageKey }`, with a capital I; `items` is read too
 * [inferred]. Secrets are never sent.
 */
export interface PictoryVimeoConnection extends IDataObject {
	connectionId: string;
	name?: string;
	enabled?: boolean;
}

/** `{ Items | items: [connections…], nextPageKey }` [stated], over the query `nextPageKey`. */
export const VIMEO_CONNECTION_LIST: PictoryList<PictoryVimeoConnection> = {
	noun: 'Vimeo connections',
	pageKeyParam: 'nextPageKey',
	nextKeyFields: PAGE_KEY_SPELLINGS,
	idOf: (connection) => idText(connection.connectionId ?? connection.id),
};

/** A page of Vimeo connections: `Items` [stated] read as `items`. */
export function readVimeoConnectionPage(
	node: INode,
	body: unknown,
): ListPage<PictoryVimeoConnection> {
	const answer = asObject(body);
	const items = answer && !Array.isArray(answer.items) ? answer.Items : undefined;
	return readPage(node, items === undefined ? body : { ...answer, items }, VIMEO_CONNECTION_LIST);
}

// ---- AI Studio videos: GET /v1/aistudio/videos ----

/**
 * One AI Studio video as Pictory lists it [stated]: `url` (MP4), `id`, `prompt`, `aspectRatio`,
 * `createdDate`, `model`, `width`, `height`, `duration`, `previewImageUrl`, `thumbnailImageUrl`,
 * `lastFrameImageUrl`, and, when set at generation, `firstFrameImageUrl`, `referenceImageUrls`,
 * `extendVideoUrl`.
 */
export interface PictoryAiVideo extends IDataObject {
	id: string;
	url: string;
	createdDate: string;
	prompt?: string;
	model?: string;
	aspectRatio?: string;
	duration?: string | number;
	thumbnailImageUrl?: string;
}

/**
 * `{ items: [videos…], nextPageKey? }`, newest first, over the query `nextPageKey` [stated]: the
 * reader of Get Generated Videos, and of anything else that lists them.
 */
export const AI_VIDEO_LIST: PictoryList<PictoryAiVideo> = {
	noun: 'videos',
	pageKeyParam: 'nextPageKey',
	nextKeyFields: PAGE_KEY_SPELLINGS,
	idOf: (video) => idText(video.id),
};
// ---- Uploads: POST /v1/media/generateurl ----

/**
 * Pictory's answer to a signed upload request [stated]: `{ success, data: { signedUrl, url, key } }`.
 * The bytes go to `signedUrl` (a PUT, within 24 h, with the Content-Type asked for); `url` is where
 * Pictory reads the file afterwards. The fields at the top level are read too [inferred].
 */
export interface SignedUploadAnswer extends IDataObject {
	success?: boolean;
	data?: { signedUrl?: string; url?: string; key?: string } & IDataObject;
}

export interface SignedUpload {
	signedUrl: string;
	url: string;
	key?: string;
}

/** Reads a signed upload answer: a refusal, or one without both URLs, is an error. */
export function readSignedUpload(node: INode, body: unknown): SignedUpload {
	const answer = asObject(body);
	if (!answer) throw unreadableAnswer(node, 'Expected a JSON object with a signed upload URL.');
	if (answer.success === false) throw listRefusedError(node, answer);
	const data = asObject(answer.data) ?? answer;
	const signedUrl = firstString(data.signedUrl, data.signedURL, answer.signedUrl);
	const url = firstString(data.url, data.fileUrl, answer.url);
	if (!signedUrl || !url) {
		throw unreadableAnswer(node, 'The answer has no "data.signedUrl" and "data.url".');
	}
	const key = firstString(data.key, answer.key);
	return { signedUrl, url, ...(key && { key }) };
}

// ---- Transcripts: POST /v2/transcription, POST /v2/transcription/…/highlights ----

/**
 * A word of a transcript [stated]: times in seconds; a pause is an entry with `is_pause: true`, an
 * empty `word` and a `pause_size` ("small"…). In a highlights job, the chosen words have
 * `highlight: true` [stated in Pictory's examples].
 */
export interface PictoryTranscriptWord extends IDataObject {
	uid?: string;
	word: string;
	start_time: number;
	end_time: number;
	speakerId?: number | string;
	sentence_index?: number;
	is_pause?: boolean;
	pause_size?: string;
	highlight?: boolean;
}

/** A sentence of a transcript [stated]: its speaker and its timed words. */
export interface PictoryTranscriptSentence extends IDataObject {
	uid?: string;
	speakerId?: number | string;
	words: PictoryTranscriptWord[];
}

/**
 * A completed transcription job's fields [stated]: `transcript`, `txt` (plain text), `srt` and
 * `vtt` (subtitles: inline text [inferred]) and `mediaInfo` (duration, dimensions, aspect).
 */
export interface PictoryTranscriptionData extends IDataObject {
	transcript?: PictoryTranscriptSentence[];
	txt?: string;
	srt?: string;
	vtt?: string;
	mediaInfo?: IDataObject;
}

/** The sentences of a transcript, when `value` is one (a list of objects with a `words` list). */
export function readTranscript(value: unknown): PictoryTranscriptSentence[] | undefined {
	if (!Array.isArray(value)) return undefined;
	const sentences = value.filter(
		(entry): entry is PictoryTranscriptSentence =>
			asObject(entry) !== undefined && Array.isArray((entry as IDataObject).words),
	);
	return sentences.length === value.length ? sentences : undefined;
}
