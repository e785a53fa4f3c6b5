import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

/**
 * The checks running now, by workflow and node. n8n starts a check at every poll time without
 * waiting for the last one (a slow download can outlast the interval), and two at once would both
 * emit what is new. So a check that finds one running does nothing: the next check after it finds
 * what this one would have. Only a guard: the position itself is in the static data.
 */
const checksRunning = new Set<string>();

type Check = (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

/** Runs `check`, unless this trigger's last check still runs (a manual check always runs). */
export async function oneCheckAtATime(
	context: IPollFunctions,
	check: Check,
): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') return await check.call(context);
	const key = JSON.stringify([context.getWorkflow().id, context.getNode().name]);
	if (checksRunning.has(key)) {
		context.logger.debug('Pictory Trigger: the last check still runs, so this one is skipped');
		return null;
	}
	checksRunning.add(key);
	try {
		return await check.call(context);
	} finally {
		checksRunning.delete(key);
	}
}
