import { NodeApiError, type IExecuteSingleFunctions } from 'n8n-workflow';

import { requestError } from '../../shared/failures';
import type { OperationCall } from '../../shared/operation';
import { asObject } from '../../shared/transport';
import { readProjectId } from './locator';

/**
 * Deletes a project for good. Sent once every item is checked, and never again once it may have
 * reached Pictory: after a broken connection or a 5xx, the error says to check before deleting
 * again rather than guess.
 */
export async function deleteProject(
	this: IExecuteSingleFunctions,
	{ request, sendOnce }: OperationCall,
) {
	const projectId = readProjectId(this);
	const node = this.getNode();
	const body = await sendOnce(request, {
		toError: (failure, attempts) => {
			const error = requestError(node, failure, attempts);
			if (failure.status && failure.status < 500) return error;
			return new NodeApiError(
				node,
				{ projectId },
				{
					message: error.message,
					description:
						`${error.description ?? ''} Pictory may have deleted project ${projectId}: check with Project → Get Many before deleting again.`.trim(),
					httpCode: failure.status ? String(failure.status) : undefined,
				},
			);
		},
	});
	return [{ json: { projectId, deleted: true, ...asObject(body) } }];
}
