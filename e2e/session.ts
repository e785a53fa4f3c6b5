/**
 * What most end-to-end test files start with: the Pictory stand-in, a real n8n with the built
 * package, its owner signed in, and a Pictory API credential for the stand-in; and, after the
 * file's tests, all of it stopped and n8n's data deleted.
 */
import { rmSync } from 'node:fs';

import {
	startPictoryStandIn,
	type PictoryStandIn,
	type StandInOptions,
} from '../test/pictoryStandIn';
import { N8nClient } from './n8nClient';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startN8n } = require('./n8n');

export interface N8nProcess {
	url: string;
	userFolder: string;
	startupMs: number;
	stop(): Promise<void>;
}

export interface E2eSession {
	pictory: PictoryStandIn;
	n8n: N8nProcess;
	client: N8nClient;
	credential: { id: string; name: string };
	stop(): Promise<void>;
}

export async function startSession(
	standIn: StandInOptions,
	credentialName = 'Pictory stand-in',
): Promise<E2eSession> {
	const pictory = await startPictoryStandIn(standIn);
	const n8n: N8nProcess = await startN8n();
	console.log(`n8n ready in ${(n8n.startupMs / 1000).toFixed(1)} s at ${n8n.url}`);
	const client = new N8nClient(n8n.url);
	await client.setupOwner();
	const credential = await client.createCredential(credentialName, {
		apiKey: standIn.apiKey,
		baseUrl: pictory.baseUrl,
	});
	return {
		pictory,
		n8n,
		client,
		credential,
		async stop() {
			await n8n.stop();
			await pictory.close();
			rmSync(n8n.userFolder, { recursive: true, force: true });
		},
	};
}
