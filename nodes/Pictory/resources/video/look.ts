/**
 * An AI avatar that speaks the narration, and a logo: Additional Fields of Create from Text and
 * Create Preview, sent as the storyboard's `avatar` and `logo` [stated].
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	binaryAlternativeOption,
	readCollectionFile,
	type PendingUpload,
} from '../../shared/upload';
import { readChoice, readNumber, readRequiredWebUrl, readText, refuse } from '../../shared/values';

/** Pictory's nine places in the frame [stated]. */
const POSITIONS = [
	['Bottom Center', 'bottom-center'],
	['Bottom Left', 'bottom-left'],
	['Bottom Right', 'bottom-right'],
	['Center', 'center-center'],
	['Center Left', 'center-left'],
	['Center Right', 'center-right'],
	['Top Center', 'top-center'],
	['Top Left', 'top-left'],
	['Top Right', 'top-right'],
].map(([name, value]) => ({ name, value }));

/** Where the avatar and the logo go, and how wide they are, unless set. */
const AVATAR_PLACEMENT = { position: 'bottom-right', width: 25 };
const LOGO_PLACEMENT = { position: 'top-right', width: 10 };

const positionField = (name: string, what: string, fallback: string): INodeProperties => ({
	displayName: `${what} Position`,
	name,
	type: 'options',
	options: POSITIONS,
	default: fallback,
	description: `Where the ${what.toLowerCase()} is in the frame`,
});

const widthField = (name: string, what: string, fallback: number): INodeProperties => ({
	displayName: `${what} Width (%)`,
	name,
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 100 },
	default: fallback,
	description: `The ${what.toLowerCase()}'s width, in percent of the video's width`,
});

/** Avatar, its position and width: options of Additional Fields. */
export const avatarFields: INodeProperties[] = [
	{
		displayName: 'Avatar',
		name: 'avatar',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			'An AI presenter who speaks the narration (a Voice or your recording): one look of one of Pictory’s avatars. Avatars use AI credits.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAvatars', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. Annie_expressive12_public',
				hint: 'The id of an avatar’s look, as Avatar → Get Many lists it under "looks"',
			},
		],
	},
	positionField('avatarPosition', 'Avatar', AVATAR_PLACEMENT.position),
	widthField('avatarWidth', 'Avatar', AVATAR_PLACEMENT.width),
];

/** The logo: by URL, or from the item's binary data, uploaded just before the order. */
const LOGO_FILE = { name: 'logoUrl', label: 'Logo URL', what: 'the logo image (PNG, JPEG…)' };

/** Logo URL (or its input binary field), its position and width: options of Additional Fields. */
export const logoFields: INodeProperties[] = [
	binaryAlternativeOption(LOGO_FILE),
	positionField('logoPosition', 'Logo', LOGO_PLACEMENT.position),
	{
		displayName: 'Logo URL',
		name: 'logoUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/logo.png',
		description: 'An image shown over the whole video, such as your logo',
	},
	widthField('logoWidth', 'Logo', LOGO_PLACEMENT.width),
];

function readPlacement(
	context: IExecuteSingleFunctions,
	[position, width]: [position: string, width: string],
	what: string,
	fallback: { position: string; width: number },
): IDataObject {
	return {
		position: readChoice(
			context,
			`additionalFields.${position}`,
			`${what} Position`,
			POSITIONS,
			fallback.position,
		),
		width: `${readNumber(context, `additionalFields.${width}`, {
			label: `${what} Width`,
			fallback: fallback.width,
			requirement: 'a whole number from 1 to 100',
			isGood: (percent) => Number.isInteger(percent) && percent >= 1 && percent <= 100,
			hint: `Give the ${what.toLowerCase()}'s width in percent of the video's width.`,
		})}%`,
	};
}

/** Which of `names` were added to Additional Fields. */
function added(context: IExecuteSingleFunctions, names: string[]): string[] {
	const fields = context.getNodeParameter('additionalFields', {}, { rawExpressions: true });
	return names.filter((name) => (fields as IDataObject)[name] !== undefined);
}

/** A position or width added without what it places: refused rather than silently dropped. */
function refuseAlone(
	context: IExecuteSingleFunctions,
	names: string[],
	what: string,
	needs: string,
) {
	const alone = added(context, names);
	if (!alone.length) return;
	refuse(
		context,
		`${what} Position and Width need ${needs}`,
		`Add ${needs} to Additional Fields, or remove ${what} Position and ${what} Width.`,
	);
}

/**
 * The storyboard's `avatar`, when one was added. An avatar speaks the narration, so a storyboard
 * without one (`voiceOver` undefined) is refused [stated: Pictory requires voiceOver.enabled].
 */
export function readAvatar(
	context: IExecuteSingleFunctions,
	voiceOver: IDataObject | undefined,
): IDataObject | undefined {
	if (!added(context, ['avatar']).length) {
		refuseAlone(context, ['avatarPosition', 'avatarWidth'], 'Avatar', 'an Avatar');
		return undefined;
	}
	const avatarId = readText(context, 'additionalFields.avatar', 'Avatar');
	if (!avatarId) {
		refuse(context, 'Avatar is empty', 'Pick an avatar from the list, or remove the Avatar field.');
	}
	if (!voiceOver) {
		refuse(
			context,
			'An avatar needs narration',
			'Pick a Voice, or set Narration to Your Recording: the avatar speaks the narration. Or remove the Avatar field.',
		);
	}
	const placement = readPlacement(
		context,
		['avatarPosition', 'avatarWidth'],
		'Avatar',
		AVATAR_PLACEMENT,
	);
	return { avatarId, ...placement };
}

const readLogoUrl = (context: IExecuteSingleFunctions) =>
	readRequiredWebUrl(context, 'additionalFields.logoUrl', 'Logo URL', 'an image file (PNG, JPEG…)');

/**
 * The storyboard's `logo`, when a Logo URL or Logo Input Binary Field was added; a file is a
 * PendingUpload, uploaded by the handler's withUploads.
 */
export function readLogo(context: IExecuteSingleFunctions): IDataObject | undefined {
	if (!added(context, ['logoUrl', 'logoUrlBinaryField']).length) {
		refuseAlone(context, ['logoPosition', 'logoWidth'], 'Logo', 'a Logo URL');
		return undefined;
	}
	const url: string | PendingUpload =
		readCollectionFile(context, 'additionalFields', LOGO_FILE) ?? readLogoUrl(context);
	const placement = readPlacement(context, ['logoPosition', 'logoWidth'], 'Logo', LOGO_PLACEMENT);
	return { url, ...placement };
}
