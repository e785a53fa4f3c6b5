import type { INodeProperties } from 'n8n-workflow';

import { handledBy } from '../../shared/operation';
import {
	createHighlights,
	createHighlightsDescription,
	HIGHLIGHTS_PATH_EXPRESSION,
} from './createHighlights';
import { transcribe, transcribeDescription, TRANSCRIPTION_PATH } from './transcribe';

/**
 * The Transcription resource: transcripts and subtitles of recordings (see shared/operation.ts
 * for `handledBy`).
 */
export const transcriptionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transcription'] } },
		options: [
			{
				name: 'Transcribe',
				value: 'transcribe',
				action: 'Transcribe a recording',
				description:
					'Transcribe a recording (a URL, or a file from the item). Costs transcription minutes. Returns the text with timed words, and SRT and VTT subtitles, or its job ID.',
				routing: {
					request: { method: 'POST', url: TRANSCRIPTION_PATH },
					...handledBy(transcribe),
				},
			},
			{
				name: 'Create Highlights',
				value: 'createHighlights',
				action: 'Create highlights of a transcript',
				description:
					'Pick the best moments of a transcribed recording, up to a target length. Its cost is not stated by Pictory. Returns their start and end times and text, or its job ID.',
				routing: {
					request: { method: 'POST', url: HIGHLIGHTS_PATH_EXPRESSION },
					...handledBy(createHighlights),
				},
			},
		],
		default: 'transcribe',
	},
	...transcribeDescription,
	...createHighlightsDescription,
];
