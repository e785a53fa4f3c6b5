import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationCall } from '../../shared/operation';
import { readProject } from '../../shared/types';
import { readProjectId } from './locator';

/**
 * One project, every field Pictory sends: its name, step, the files of its last render
 * (`videoURL`, `audioURL`, `srtFile`, `vttFile`, `txtFile`…) and its `scenes`.
 */
export async function getProject(this: IExecuteSingleFunctions, { request, api }: OperationCall) {
	const projectId = readProjectId(this);
	return [{ json: readProject(this.getNode(), projectId, await api.send(request)) }];
}
