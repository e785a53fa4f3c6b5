/**
 * Video → Render from Template: a template made in Pictory, its `{{Variable}}` placeholders filled
 * per item (a sheet's columns mapped onto them), rendered or previewed. The template's variables
 * are loaded from Pictory both for the editor's mapper and, once per run, to check every item
 * before anything is ordered.
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
	ResourceMapperFields,
} from 'n8n-workflow';

import { passThroughDataField, waitFields, webhookField } from '../../shared/descriptions';
import { readWaitOptions, waitForJob } from '../../shared/jobs';
import type { OperationCall } from '../../shared/operation';
import { PREVIEW_ORDER, VIDEO_ORDER } from '../../shared/orders';
import {
	pictoryClientFromCredential,
	type PictoryClient,
	type RequestRun,
} from '../../shared/transport';
import {
	isDeprecated,
	readEntries,
	readTemplate,
	templateIdOf,
	templateVariables,
	type PictoryTemplate,
} from '../../shared/types';
import {
	readBoolean,
	readChoice,
	readPassThroughData,
	readText,
	readWebhook,
	refuse,
	withoutEmpty,
} from '../../shared/values';
import { RENDER_PATH } from './createFromText';
import { MIN_PREVIEW_CHECK_SECONDS, PREVIEW_PATH } from './createPreview';
import { searchable } from './dropdowns';
import { readRenderWait, renderedVideo, renderWaitFields } from './renderWait';
import { readVimeo, vimeoFields } from './vimeo';

export const TEMPLATES_PATH = '/v1/templates';
export const templatePath = (templateId: string) =>
	`${TEMPLATES_PATH}/${encodeURIComponent(templateId)}`;

/** A preview goes to Create Preview's endpoint, a render to Create from Text's. */
export const TEMPLATE_ORDER_PATH_EXPRESSION = `={{ $parameter.templateOutput === "preview" ? "${PREVIEW_PATH}" : "${RENDER_PATH}" }}`;

const OUTPUTS = [
	{ name: 'Render', value: 'render', description: 'Render the video (one render of your plan)' },
	{
		name: 'Preview Only',
		value: 'preview',
		description: 'A preview to check first; render it later with Render Preview',
	},
] as const;

const VARIABLE_INPUTS = [
	{
		name: 'Map Each Variable',
		value: 'mapper',
		description: "The template's variables, loaded from Pictory, each given a value",
	},
	{
		name: 'Name/Value Pairs',
		value: 'pairs',
		description: 'Variables named by you, e.g. from an expression',
	},
] as const;

const show = { resource: ['video'], operation: ['renderFromTemplate'] };

export const renderFromTemplateDescription: INodeProperties[] = [
	{
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		displayOptions: { show },
		required: true,
		default: { mode: 'list', value: '' },
		description: 'A template made in Pictory, with {{Variable}} placeholders in its scenes',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a template…',
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1f2e3d4c-5b6a-4789-8abc-def012345678',
				hint: 'The "templateId" as Pictory lists it',
			},
		],
	},
	{
		displayName: 'Video Name',
		name: 'videoName',
		type: 'string',
		displayOptions: { show },
		required: true,
		default: '',
		placeholder: 'e.g. Welcome video for {{ $json.name }}',
		description: 'The name of the video in Pictory',
	},
	{
		displayName: 'Output',
		name: 'templateOutput',
		type: 'options',
		displayOptions: { show },
		options: [...OUTPUTS],
		default: 'render',
	},
	{
		displayName: 'Define Variables',
		name: 'variablesInput',
		type: 'options',
		displayOptions: { show },
		options: [...VARIABLE_INPUTS],
		default: 'mapper',
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'resourceMapper',
		noDataExpression: true,
		displayOptions: { show: { ...show, variablesInput: ['mapper'] } },
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['template.value'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateVariables',
				mode: 'add',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
				noFieldsError: 'This template has no variables: pick another, or fill none.',
			},
		},
	},
	{
		displayName: 'Variables',
		name: 'variablePairs',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		displayOptions: { show: { ...show, variablesInput: ['pairs'] } },
		placeholder: 'Add Variable',
		default: {},
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Name',
						description: 'As in the template, without the braces: {{Name}} is Name',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. {{ $json.firstName }}',
					},
				],
			},
		],
	},
	{
		displayName: 'Allow Empty Variables',
		name: 'allowEmptyVariables',
		type: 'boolean',
		displayOptions: { show },
		default: false,
		description:
			'Whether an item that leaves a variable of the template empty is rendered anyway (its placeholder left blank). When off, such an item is an error before anything is ordered.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		options: [passThroughDataField, webhookField],
	},
	...vimeoFields({ ...show, templateOutput: ['render'] }),
	...renderWaitFields({ ...show, templateOutput: ['render'] }),
	...waitFields(
		{ ...show, templateOutput: ['preview'] },
		{
			what: 'preview',
			getLater: 'Job → Get',
			checkEvery: {
				default: 10,
				min: MIN_PREVIEW_CHECK_SECONDS,
				hint: 'a preview is ready sooner than a render',
			},
			maxWaitMinutes: 15,
		},
	),
];

// ---- The editor: the template list and the variables' fields ----

/** GET /v1/templates: names with their language; deprecated ones marked and listed last. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const api = await pictoryClientFromCredential(this);
	const body = await api.send({ method: 'GET', url: TEMPLATES_PATH });
	const wanted = searchable(filter?.trim() ?? '');
	const results = readEntries<PictoryTemplate>(this.getNode(), TEMPLATES_PATH, body)
		.filter((template) => templateIdOf(template) !== undefined)
		.map((template) => {
			const id = templateIdOf(template)!;
			const name = typeof template.name === 'string' && template.name.trim() ? template.name : id;
			const details = [
				typeof template.language === 'string' ? template.language : '',
				isDeprecated(template) ? 'deprecated' : '',
			].filter(Boolean);
			return {
				name: details.length ? `${name.trim()} (${details.join(', ')})` : name.trim(),
				value: id,
				deprecated: isDeprecated(template),
			};
		})
		.filter((entry) => searchable(entry.name).includes(wanted))
		.sort((a, b) => Number(a.deprecated) - Number(b.deprecated) || a.name.localeCompare(b.name))
		.map(({ name, value }) => ({ name, value }));
	return { results };
}

/** The chosen template's variables, as fields of the mapper (GET /v1/templates/{id}). */
export async function getTemplateVariables(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const templateId = String(
		this.getNodeParameter('template', '', { extractValue: true }) ?? '',
	).trim();
	if (!templateId) return { fields: [], emptyFieldsNotice: 'Pick a template first.' };
	const api = await pictoryClientFromCredential(this);
	const template = readTemplate(
		this.getNode(),
		templateId,
		await api.send({ method: 'GET', url: templatePath(templateId) }),
	);
	return {
		fields: templateVariables(template).map((name) => ({
			id: name,
			displayName: name,
			required: false,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: 'string',
		})),
		emptyFieldsNotice: 'This template has no variables.',
	};
}

// ---- The run: each item's variables, checked against the template ----

/**
 * The templates' variables, read once per node run and template: every item checks its values
 * against them before any order, at the cost of one GET however many items there are.
 */
const templatesOfRun = new WeakMap<RequestRun, Map<string, Promise<string[]>>>();

async function variablesOfTemplate(api: PictoryClient, templateId: string): Promise<string[]> {
	let templates = templatesOfRun.get(api.run);
	if (!templates) templatesOfRun.set(api.run, (templates = new Map()));
	let variables = templates.get(templateId);
	if (!variables) {
		variables = api
			.send({ method: 'GET', url: templatePath(templateId) })
			.then((body) => templateVariables(readTemplate(api.run.node, templateId, body)));
		templates.set(templateId, variables);
	}
	return await variables;
}

function readTemplateId(context: IExecuteSingleFunctions): string {
	const templateId = readText(context, 'template', 'Template');
	if (!templateId) {
		refuse(context, 'Template is empty', 'Pick a template in the list, or give its ID.');
	}
	return templateId;
}

function readVideoName(context: IExecuteSingleFunctions): string {
	const name = readText(context, 'videoName', 'Video Name');
	if (!name) {
		refuse(
			context,
			'Video Name is empty',
			'Give the video a name, e.g. with an expression such as {{ $json.name }}.',
		);
	}
	return name;
}

/** One variable's value as text, trimmed; undefined when empty. A list or an object is refused. */
function variableText(
	context: IExecuteSingleFunctions,
	name: string,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'object') {
		refuse(
			context,
			`The variable "${name}" must be text, not ${Array.isArray(value) ? 'a list' : 'an object'}`,
			'Map a column or field that holds text, or pick one of its fields with an expression.',
		);
	}
	const text = String(value).trim();
	return text || undefined;
}

/**
 * The item's variables as the user gave them, mapped or as pairs; undefined when they are taken
 * from the item's fields named like the template's variables (the mapper's auto-mapping).
 */
function readGivenVariables(context: IExecuteSingleFunctions): Map<string, unknown> | undefined {
	const input = readChoice(
		context,
		'variablesInput',
		'Define Variables',
		VARIABLE_INPUTS,
		'mapper',
	);
	if (input === 'pairs') {
		const pairs = context.getNodeParameter('variablePairs.variable', []) as Array<{
			name?: unknown;
			value?: unknown;
		}>;
		const given = new Map<string, unknown>();
		for (const pair of pairs) {
			const name = String(pair.name ?? '').trim();
			if (!name) {
				refuse(
					context,
					'A variable has no name',
					'Give each variable the name it has in the template, or remove it.',
				);
			}
			given.set(name, pair.value);
		}
		return given;
	}
	const mode = context.getNodeParameter('variables.mappingMode', 'defineBelow') as string;
	if (mode === 'autoMapInputData') return undefined;
	const mapped = (context.getNodeParameter('variables.value', {}) ?? {}) as IDataObject;
	return new Map(Object.entries(mapped));
}

/** The names of `given` whose values are empty. A list or an object is refused. */
function emptyNames(context: IExecuteSingleFunctions, given: Map<string, unknown>): string[] {
	return [...given]
		.filter(([name, value]) => variableText(context, name, value) === undefined)
		.map(([name]) => name);
}

function refuseEmpty(context: IExecuteSingleFunctions, empty: string[]): never {
	const names = empty.map((name) => `"${name}"`).join(', ');
	return refuse(
		context,
		`The variable${empty.length > 1 ? 's' : ''} ${names} ${empty.length > 1 ? 'are' : 'is'} empty`,
		'Give every variable of the template a value for this item, or turn on Allow Empty Variables. Nothing was ordered.',
	);
}

/**
 * The `variables` of the order: every variable of the template, each with the item's value. A
 * name the template does not have is refused (a typo would leave its placeholder in the video),
 * and so is a variable left empty or left out, unless Allow Empty Variables is on.
 */
function variablesFor(
	context: IExecuteSingleFunctions,
	templateId: string,
	names: string[],
	given: Map<string, unknown>,
	allowEmpty: boolean,
): IDataObject {
	const unknown = [...given.keys()].filter((name) => !names.includes(name));
	if (unknown.length) {
		refuse(
			context,
			`The template has no variable ${unknown.map((name) => `"${name}"`).join(', ')}`,
			`Template ${templateId} has ${names.length ? `these variables: ${names.join(', ')}` : 'no variables'}. Check the names, or refresh the mapped variables. Nothing was ordered.`,
		);
	}
	const variables: IDataObject = {};
	const empty: string[] = [];
	for (const name of names) {
		const text = variableText(context, name, given.get(name));
		if (text === undefined) empty.push(name);
		variables[name] = text ?? '';
	}
	if (empty.length && !allowEmpty) refuseEmpty(context, empty);
	return variables;
}

/**
 * Orders the template's video (or preview) with the item's variables, never twice, once every
 * item's variables were checked against the template; waits and downloads like Create from Text.
 */
export async function renderFromTemplate(this: IExecuteSingleFunctions, call: OperationCall) {
	const templateId = readTemplateId(this);
	const videoName = readVideoName(this);
	const preview = readChoice(this, 'templateOutput', 'Output', OUTPUTS, 'render') === 'preview';
	const allowEmpty = readBoolean(this, 'allowEmptyVariables', 'Allow Empty Variables', false);
	const webhook = readWebhook(this);
	const webhookInput = readPassThroughData(this);
	const vimeo = preview ? {} : readVimeo(this);
	const until = preview ? undefined : readRenderWait(this);
	const previewWait =
		preview && readBoolean(this, 'waitForCompletion', 'Wait for Completion', true)
			? readWaitOptions(this, { minIntervalSeconds: MIN_PREVIEW_CHECK_SECONDS })
			: undefined;
	// An empty value is refused before any request; a variable left out, once the template is known.
	const mapped = readGivenVariables(this);
	const empty = mapped ? emptyNames(this, mapped) : [];
	if (empty.length && !allowEmpty) refuseEmpty(this, empty);

	const names = await variablesOfTemplate(call.api, templateId);
	const json = this.getInputData().json;
	const given = mapped ?? new Map(names.map((name) => [name, json[name]]));
	const variables = variablesFor(this, templateId, names, given, allowEmpty);

	const fields = withoutEmpty({
		videoName,
		templateId,
		variables,
		webhook,
		webhookInput,
		...vimeo,
	});
	// The routed request (its path: preview or render) with the fields built here.
	const body = { ...(call.request.body as IDataObject), ...fields };
	if (!preview) {
		const jobId = await call.order({ ...call.request, body }, VIDEO_ORDER);
		return await renderedVideo(this, call, jobId, until!);
	}
	const jobId = await call.order({ ...call.request, body }, PREVIEW_ORDER);
	if (!previewWait) return [{ json: { jobId } }];
	return [{ json: await waitForJob(call.api, jobId, previewWait, PREVIEW_ORDER) }];
}
