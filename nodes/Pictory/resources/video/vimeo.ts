/**
 * Publish to Vimeo, on the renders that send a storyboard (Create from Text, Render from
 * Template): one of the account's Vimeo connections in Pictory, a folder and who may watch.
 * Pictory uploads the finished video and returns its Vimeo link with the job.
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { pictoryClientFromCredential } from '../../shared/transport';
import { readVimeoConnectionPage, VIMEO_CONNECTION_LIST } from '../../shared/types';
import { readBoolean, readChoice, readText, refuse, withoutEmpty } from '../../shared/values';
import { searchable } from './dropdowns';

export const VIMEO_CONNECTIONS_PATH = '/v1/vimeo-connections';

/** Vimeo's `privacy.view`; empty leaves it to the connection's Vimeo account. */
const PRIVACY = [
	{ name: 'Vimeo Account’s Default', value: '' },
	{ name: 'Anyone', value: 'anybody', description: 'Public on Vimeo' },
	{ name: 'Anyone with the Link', value: 'unlisted', description: 'Unlisted' },
	{ name: 'Only Me', value: 'nobody', description: 'Private' },
	{ name: 'Hide From Vimeo', value: 'disable', description: 'Only where it is embedded' },
];

export function vimeoFields(show: IDisplayOptions['show']): INodeProperties[] {
	const whilePublishing = { ...show, publishToVimeo: [true] };
	return [
		{
			displayName: 'Publish to Vimeo',
			name: 'publishToVimeo',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description:
				'Whether Pictory also uploads the finished video to Vimeo, through a Vimeo connection set up in Pictory',
		},
		{
			displayName: 'Vimeo Connection',
			name: 'vimeoConnection',
			type: 'resourceLocator',
			displayOptions: { show: whilePublishing },
			required: true,
			default: { mode: 'list', value: '' },
			description: 'One of the Vimeo connections of your Pictory account',
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select a connection…',
					typeOptions: { searchListMethod: 'searchVimeoConnections', searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 2b7c9d1e-4f6a-4b8c-9d0e-1f2a3b4c5d6e',
					hint: 'The "connectionId" Pictory gave the connection',
				},
			],
		},
		{
			displayName: 'Vimeo Folder URI',
			name: 'vimeoFolderUri',
			type: 'string',
			displayOptions: { show: whilePublishing },
			default: '',
			placeholder: 'e.g. /users/12345678/projects/9876543',
			description: 'The Vimeo folder (project) to put the video in; empty for none',
		},
		{
			displayName: 'Vimeo Privacy',
			name: 'vimeoPrivacy',
			type: 'options',
			displayOptions: { show: whilePublishing },
			options: PRIVACY,
			default: '',
			description: 'Who may watch the video on Vimeo',
		},
	];
}

/**
 * `vimeoConnectionId` and the Vimeo destination [stated: `destinations: [{ type: "vimeo",
 * folder_uri, privacy: { view } }]`], or nothing when Publish to Vimeo is off.
 */
export function readVimeo(context: IExecuteSingleFunctions): IDataObject {
	if (!readBoolean(context, 'publishToVimeo', 'Publish to Vimeo', false)) return {};
	const vimeoConnectionId = readText(context, 'vimeoConnection', 'Vimeo Connection');
	if (!vimeoConnectionId) {
		refuse(
			context,
			'Vimeo Connection is empty',
			'Pick one of your Pictory account’s Vimeo connections, or turn off Publish to Vimeo.',
		);
	}
	const folder = readText(context, 'vimeoFolderUri', 'Vimeo Folder URI');
	if (folder && !folder.startsWith('/')) {
		refuse(
			context,
			`Vimeo Folder URI must start with "/", not "${folder.slice(0, 60)}"`,
			'Give the folder’s URI as Vimeo’s API names it, e.g. /users/12345678/projects/9876543.',
		);
	}
	const view = readChoice(context, 'vimeoPrivacy', 'Vimeo Privacy', PRIVACY, '');
	const destination = withoutEmpty({
		type: 'vimeo',
		folder_uri: folder,
		privacy: view ? { view } : undefined,
	});
	return { vimeoConnectionId, destinations: [destination] };
}

/**
 * The account's Vimeo connections (GET /v1/vimeo-connections), page by page as the list scrolls;
 * disabled ones marked.
 */
export async function searchVimeoConnections(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await pictoryClientFromCredential(this);
	const qs = paginationToken
		? { [VIMEO_CONNECTION_LIST.pageKeyParam]: paginationToken }
		: undefined;
	const page = readVimeoConnectionPage(
		this.getNode(),
		await api.send({ method: 'GET', url: VIMEO_CONNECTIONS_PATH, qs }),
	);
	const wanted = searchable(filter?.trim() ?? '');
	const results = page.items
		.map((connection) => {
			const id = VIMEO_CONNECTION_LIST.idOf(connection);
			const name = typeof connection.name === 'string' && connection.name.trim();
			return {
				name: `${name || id}${connection.enabled === false ? ' (disabled)' : ''}`,
				value: id ?? '',
			};
		})
		.filter((entry) => entry.value && searchable(entry.name).includes(wanted));
	return { results, ...(page.nextPageKey && { paginationToken: page.nextPageKey }) };
}
