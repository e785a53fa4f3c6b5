/**
 * What every video render shares (Create from Text, Render Preview): Wait for Completion with its
 * checks, Download Video, and the finished video as an item.
 */
import type {
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { binaryFieldFor, waitFields } from '../../shared/descriptions';
import {
	itemsWithFiles,
	readDownload,
	VIDEO_FILE,
	type DownloadSettings,
} from '../../shared/download';
import { readWaitOptions, waitForJob, type WaitOptions } from '../../shared/jobs';
import type { OperationCall } from '../../shared/operation';
import { VIDEO_ORDER } from '../../shared/orders';
import { readBoolean } from '../../shared/values';

export const MIN_VIDEO_CHECK_SECONDS = 10;
export const DOWNLOAD_VIDEO = { name: 'downloadVideo', label: 'Download Video' };

/** Wait for Completion, Check Every, Maximum Wait, Download Video and its field. */
export function renderWaitFields(show: IDisplayOptions['show']): INodeProperties[] {
	const whileWaiting = { ...show, waitForCompletion: [true] };
	return [
		...waitFields(show, {
			what: 'video',
			getLater: 'Job → Get',
			checkEvery: {
				default: 30,
				min: MIN_VIDEO_CHECK_SECONDS,
				hint: 'renders take 3 to 10 minutes',
			},
			maxWaitMinutes: 30,
		}),
		{
			displayName: DOWNLOAD_VIDEO.label,
			name: DOWNLOAD_VIDEO.name,
			type: 'boolean',
			displayOptions: { show: whileWaiting },
			default: false,
			description:
				"Whether to also download the MP4 into the item's binary data, ready for nodes such as YouTube or Google Drive",
		},
		binaryFieldFor({ ...whileWaiting, [DOWNLOAD_VIDEO.name]: [true] }),
	];
}

export interface RenderWait {
	/** Undefined: the job id is returned at once. */
	wait?: WaitOptions;
	download?: DownloadSettings;
}

/** Reads the fields of renderWaitFields, before the render is ordered. */
export function readRenderWait(context: IExecuteSingleFunctions): RenderWait {
	if (!readBoolean(context, 'waitForCompletion', 'Wait for Completion', true)) return {};
	return {
		wait: readWaitOptions(context, { minIntervalSeconds: MIN_VIDEO_CHECK_SECONDS }),
		download: readDownload(context, DOWNLOAD_VIDEO, 'fail'),
	};
}

/**
 * The output of an ordered render: its job id at once, or, with Wait for Completion, the finished
 * video with everything Pictory sent, its MP4 in binary data with Download Video.
 */
export async function renderedVideo(
	context: IExecuteSingleFunctions,
	{ api, run }: OperationCall,
	jobId: string,
	{ wait, download }: RenderWait,
): Promise<INodeExecutionData[]> {
	if (!wait) return [{ json: { jobId } }];
	const job = await waitForJob(api, jobId, wait, VIDEO_ORDER);
	return await itemsWithFiles(
		context,
		run,
		[job],
		download,
		() => ({ id: jobId, url: job.videoURL }),
		VIDEO_FILE,
	);
}
