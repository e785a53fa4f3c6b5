/** Fields that several operations show the same way. */
import type { IDisplayOptions, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { readBoolean, readNumber } from './values';

type Show = IDisplayOptions['show'];

/** How long a tool call waits for a job by default, before handing its job ID back. */
export const TOOL_WAIT_MINUTES = 5;

/**
 * Pass Through Data: an option of each order's Additional Fields, sent as Pictory's
 * `webhookInput`, which Pictory returns in its call to the Webhook URL (and so in the Pictory
 * Callback Trigger's output). Read with readPassThroughData; the option's name is the reader's.
 */
export const passThroughDataField: INodeProperties = {
	displayName: 'Pass Through Data',
	name: 'passThroughData',
	type: 'json',
	default: '{}',
	placeholder: 'e.g. { "rowId": 7 }',
	description:
		'A JSON object Pictory hands back with its call to the Webhook URL, such as the ID of the sheet row the job is for. The Pictory Callback Trigger outputs it as "passThroughData".',
};

/** Webhook URL: an option of the orders' Additional Fields, read with readWebhook. */
export const webhookField: INodeProperties = {
	displayName: 'Webhook URL',
	name: 'webhook',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $execution.resumeUrl }}',
	description:
		"Pictory calls this URL with the job's result when it is ready: a Webhook node, or a Wait node's resume URL",
};

export const DOWNLOAD_IMAGE = { name: 'downloadImage', label: 'Download Image' };

/** "Download Image" and its output field: Get Generated Images, Generate and the trigger. */
export function downloadImageFields(show: Show = {}): INodeProperties[] {
	return [
		{
			displayName: DOWNLOAD_IMAGE.label,
			name: DOWNLOAD_IMAGE.name,
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description:
				"Whether to also download each image's file (PNG, JPEG…) into the item's binary data, ready for nodes such as Google Drive or Slack",
		},
		binaryFieldFor({ ...show, [DOWNLOAD_IMAGE.name]: [true] }),
	];
}

/** The binary field a downloaded file goes in, shown while its download switch is on. */
export function binaryFieldFor(show: Show): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		displayOptions: { show },
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	};
}

/** Return All and Limit, for the operations that list. */
export function returnAllFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** How many items Return All / Limit ask for: Infinity for all. */
export function readLimit(context: IExecuteSingleFunctions, what: string): number {
	if (readBoolean(context, 'returnAll', 'Return All', false)) return Infinity;
	return readNumber(context, 'limit', {
		label: 'Limit',
		fallback: 50,
		requirement: 'a whole number of 1 or more',
		isGood: (limit) => Number.isInteger(limit) && limit >= 1,
		hint: `Set Limit to how many of your newest ${what} to get, or turn on Return All.`,
	});
}

export interface WaitFieldsSettings {
	/** 'image', 'video' */
	what: string;
	/** Where to get the result when not waiting. */
	getLater: string;
	/** Check Every's default and minimum, and a hint on how often (no final period). */
	checkEvery: { default: number; min: number; hint: string };
	maxWaitMinutes: number;
}

/** Wait for Completion, and how: for the operations that order a job. */
export function waitFields(
	show: Show,
	{ what, getLater, checkEvery, maxWaitMinutes }: WaitFieldsSettings,
): INodeProperties[] {
	const { default: checkEveryDefault, min: checkEveryMin, hint: checkEveryHint } = checkEvery;
	const whileWaiting = { ...show, waitForCompletion: [true] };
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			displayOptions: { show },
			default: true,
			description: `Whether to wait until the ${what} is ready and return it. When off, the node returns the job ID at once: get the ${what} later with ${getLater}, or use a Webhook URL.`,
		},
		{
			displayName: 'Check Every (Seconds)',
			name: 'checkIntervalSeconds',
			type: 'number',
			displayOptions: { show: whileWaiting },
			typeOptions: { minValue: checkEveryMin },
			default: checkEveryDefault,
			description: `How often to ask Pictory whether the ${what} is ready: at least ${checkEveryMin} seconds (${checkEveryHint})`,
		},
		{
			displayName: 'Maximum Wait (Minutes)',
			name: 'maxWaitMinutes',
			type: 'number',
			displayOptions: { show: whileWaiting },
			typeOptions: { minValue: 1 },
			default: maxWaitMinutes,
			description: `How long to wait for the ${what} before failing with its job ID`,
		},
		{
			// A model, a chat or an MCP client waits for a tool call only so long: past this, the tool
			// answers with the job ID and a note to get it later, rather than keep everyone waiting.
			displayName: 'Longest Wait as a Tool (Minutes)',
			name: 'toolWaitMinutes',
			type: 'number',
			displayOptions: { show: { ...whileWaiting, '@tool': [true] } },
			typeOptions: { minValue: 0 },
			default: TOOL_WAIT_MINUTES,
			description: `How long a tool call waits for the ${what}: then it returns the job ID with a note to call Job → Get later. 0 waits up to Maximum Wait.`,
		},
	];
}
