import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** "Download Image" and its output field, shared by Get Generated Images and the trigger. */
export function downloadImageFields(show: IDisplayOptions['show'] = {}): INodeProperties[] {
	return [
		{
			displayName: 'Download Image',
			name: 'downloadImage',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description:
				"Whether to also download each image as a PNG file into the item's binary data, ready for nodes such as Google Drive or Slack",
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			displayOptions: { show: { ...show, downloadImage: [true] } },
			required: true,
			default: 'data',
			hint: 'The name of the output binary field to put the file in',
		},
	];
}
