/**
 * Reads parameters as users mean them. Values often come from expressions over earlier nodes (a
 * sheet, a form, a webhook), so a switch may arrive as the text "false" and a number as "5": each
 * is read for what it says, and anything else is a clear error naming the field, before any
 * request is made.
 */
import {
	NodeOperationError,
	tryToParseDateTime,
	type IDataObject,
	type IExecuteSingleFunctions,
	type INode,
	type IPollFunctions,
} from 'n8n-workflow';

type ParameterContext = IExecuteSingleFunctions | IPollFunctions;

const itemIndexOf = (context: ParameterContext) =>
	'getItemIndex' in context ? context.getItemIndex() : undefined;

const shown = (value: unknown) =>
	typeof value === 'string'
		? `"${value.slice(0, 60)}"`
		: String(JSON.stringify(value)).slice(0, 60);

/** Refuses a parameter before any request, naming it in `message` and saying what to do instead. */
export function refuse(context: ParameterContext, message: string, description: string): never {
	throw invalidParameter(context.getNode(), message, description, itemIndexOf(context));
}

/** A switch: true or false, also as text ("true", "FALSE "). */
export function readBoolean(
	context: ParameterContext,
	name: string,
	label: string,
	fallback: boolean,
): boolean {
	const value = context.getNodeParameter(name, fallback) as unknown;
	if (typeof value === 'boolean') return value;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text === 'true' || text === 'false') return text === 'true';
	return refuse(
		context,
		`${label} must be true or false, not ${shown(value)}`,
		`Turn ${label} on or off, or give an expression that results in true or false.`,
	);
}

interface NumberRule {
	label: string;
	fallback: number;
	/** What a good value is, e.g. "a whole number of 1 or more". */
	requirement: string;
	isGood: (value: number) => boolean;
	/** What to do instead, for the error's description. */
	hint: string;
}

/** A number, also as text ("5"). */
export function readNumber(
	context: ParameterContext,
	name: string,
	{ label, fallback, requirement, isGood, hint }: NumberRule,
): number {
	const value = context.getNodeParameter(name, fallback) as unknown;
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value.trim())
				: NaN;
	if (!Number.isFinite(number) || !isGood(number)) {
		return refuse(context, `${label} must be ${requirement}, not ${shown(value)}`, hint);
	}
	return number;
}

/**
 * Text: trimmed; a number becomes its digits; a list or an object is an error. A resource
 * locator (a dropdown with a "By Name" mode) gives its value.
 */
export function readText(context: ParameterContext, name: string, label: string): string {
	const value = context.getNodeParameter(name, '', { extractValue: true }) as unknown;
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
		return String(value);
	}
	return refuse(
		context,
		`${label} must be text, not ${Array.isArray(value) ? 'a list' : 'an object'}`,
		`Give ${label} as text. An expression that picks a field, such as {{ $json.text }}, gives its text.`,
	);
}

/** A field name for output: trimmed, and not empty. */
export function readFieldName(context: ParameterContext, name: string, label: string): string {
	const field = readText(context, name, label);
	if (!field) {
		refuse(context, `${label} is empty`, 'Name the binary field the file goes in, such as "data".');
	}
	return field;
}

/** Below this, a number is an epoch time in seconds (1e11 seconds is the year 5138). */
const LARGEST_EPOCH_SECONDS = 1e11;

/**
 * A point in time, in ms: a date picked in the field, ISO 8601 text, a Luxon DateTime or a JS Date
 * from an expression, or an epoch time in seconds or milliseconds. Without a time zone, it is read
 * in the workflow's, as n8n does. Empty: undefined.
 */
export function readDate(
	context: ParameterContext,
	name: string,
	label: string,
): number | undefined {
	const value = context.getNodeParameter(name, '') as unknown;
	if (value === '' || value === null || value === undefined) return undefined;
	const epoch =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)
				? Number(value)
				: undefined;
	if (epoch !== undefined && Number.isFinite(epoch)) {
		return Math.abs(epoch) < LARGEST_EPOCH_SECONDS ? epoch * 1000 : epoch;
	}
	try {
		const time = tryToParseDateTime(value, context.getTimezone()).toMillis();
		if (Number.isFinite(time)) return time;
	} catch {
		// reported below
	}
	return refuse(
		context,
		`${label} is not a valid date: ${typeof value === 'string' ? value : shown(value)}`,
		'Pick a date in the field, or give an ISO 8601 date such as 2026-04-01T00:00:00Z, or an epoch time in seconds or milliseconds.',
	);
}

/**
 * A web address: trimmed, and refused unless it is an http(s) URL. Empty: undefined, so that the
 * field is left out of the request.
 */
export function readWebUrl(
	context: ParameterContext,
	name: string,
	label: string,
): string | undefined {
	const text = readText(context, name, label);
	if (!text) return undefined;
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol)) {
		refuse(
			context,
			`${label} is not a web address: ${text}`,
			'Give a full URL starting with https:// (or http://).',
		);
	}
	return text;
}

/**
 * A request's fields without the empty ones (undefined or ''): an optional field left empty is
 * not sent, so that Pictory uses its default.
 */
export function withoutEmpty(fields: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''),
	);
}

/** A parameter that cannot be used as it is; raised before any request. */
export function invalidParameter(
	node: INode,
	message: string,
	description: string,
	itemIndex?: number,
): NodeOperationError {
	return new NodeOperationError(node, message, { description, itemIndex });
}

/**
 * One of a field's choices, read as text: an expression may give anything, and a value Pictory
 * does not know would fail only later. `choices` are the option values, with their names;
 * `fallback` stands for a field left out (an option of a collection not added).
 */
export function readChoice<T extends string>(
	context: ParameterContext,
	name: string,
	label: string,
	choices: ReadonlyArray<{ name: string; value: T }>,
	fallback?: T,
): T {
	const text = readText(context, name, label);
	if (!text && fallback !== undefined) return fallback;
	const choice = choices.find(({ value }) => value === text);
	if (choice) return choice.value;
	// A choice whose value is empty (Pictory's default) is named as such, not as a blank in the list.
	const given = choices.filter(({ value }) => value);
	const orEmpty = given.length < choices.length ? ', or empty for Pictory’s default' : '';
	return refuse(
		context,
		`${label} must be one of ${given.map(({ value }) => value).join(', ')}${orEmpty}, not ${shown(text)}`,
		`Pick one in the list, or give one of these values: ${given.map(({ name, value }) => `${value} (${name})`).join(', ')}${orEmpty}.`,
	);
}

/** The Webhook URL of an order's Additional Fields (webhookField), as long as Pictory accepts. */
export function readWebhook(context: ParameterContext): string | undefined {
	const webhook = readWebUrl(context, 'additionalFields.webhook', 'Webhook URL');
	if (webhook && webhook.length > 500) {
		refuse(
			context,
			'Webhook URL is longer than 500 characters',
			'Pictory accepts webhook URLs of up to 500 characters.',
		);
	}
	return webhook;
}

/** A web address that must be given (see readWebUrl): empty is refused, saying what to give. */
export function readRequiredWebUrl(
	context: ParameterContext,
	name: string,
	label: string,
	what: string,
): string {
	const url = readWebUrl(context, name, label);
	if (!url)
		refuse(context, `${label} is empty`, `Give the address of ${what}, starting with https://.`);
	return url;
}

/**
 * Pass Through Data (see passThroughDataField), sent as `webhookInput`: a JSON object, as text or
 * from an expression. Not added, empty or `{}`: undefined, so that nothing is sent. Pictory takes
 * an object [stated], so a list, a number or text that is not JSON is refused before any request.
 */
export function readPassThroughData(context: ParameterContext): IDataObject | undefined {
	const label = 'Pass Through Data';
	const value = context.getNodeParameter('additionalFields.passThroughData', '') as unknown;
	let data = value;
	if (typeof value === 'string') {
		if (!value.trim()) return undefined;
		try {
			data = JSON.parse(value) as unknown;
		} catch {
			refuse(
				context,
				`${label} is not valid JSON`,
				'Give a JSON object such as { "rowId": 7 }, or an expression such as {{ { rowId: $json.row_number } }}.',
			);
		}
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		refuse(
			context,
			`${label} must be a JSON object, not ${Array.isArray(data) ? 'a list' : shown(data)}`,
			'Pictory hands back an object: put the value in one, such as { "rowId": 7 }.',
		);
	}
	return Object.keys(data).length ? (data as IDataObject) : undefined;
}
