import nock from 'nock';
import { Workflow, type INode } from 'n8n-workflow';

import { PictoryApi } from '../credentials/PictoryApi.credentials';
import { API_KEY, BASE_URL, nodeTypes, TestCredentialsHelper, testCredential } from './harness';
import { IMAGES_PATH, serveAccount } from './fakePictory';

describe('Pictory API credential for any node', () => {
	test('n8n’s editor sees how it authenticates, as its HTTP Request node requires to list it', () => {
		// The editor gets credential types as JSON (/types/credentials.json): a function would be
		// dropped, and the HTTP Request node lists only types that have `authenticate`.
		const { authenticate } = JSON.parse(JSON.stringify(new PictoryApi())) as PictoryApi;

		expect(authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '={{$credentials.apiKey}}' } },
		});
	});

	test('as n8n applies it, the key goes as it is in Authorization, without "Bearer"', async () => {
		const node: INode = {
			id: 'pictory',
			name: 'Pictory',
			type: 'n8n-nodes-pictory.pictory',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const helper = new TestCredentialsHelper({});

		const request = await helper.authenticate(
			{ apiKey: API_KEY },
			'pictoryApi',
			{
				url: 'https://api.pictory.ai/pictoryapis/v1/quota',
				headers: { Accept: 'application/json' },
			},
			workflow,
			node,
		);

		expect(request.headers).toEqual({ Accept: 'application/json', Authorization: API_KEY });
	});
});

describe('Pictory API credential test', () => {
	test('a valid key passes with one request to the image list', async () => {
		const { requests } = serveAccount([]);

		const result = await testCredential({ apiKey: API_KEY });

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(requests).toMatchObject([{ path: IMAGES_PATH, authorization: API_KEY }]);
	});

	test('a rejected key says so, without showing the key', async () => {
		serveAccount([]);

		const result = await testCredential({ apiKey: 'pictai_revoked_key' });

		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'Pictory rejected the API key. Copy it again from the API Access page of your Pictory account.',
		);
	});

	test('uses the Base URL when one is set, without a space pasted with it', async () => {
		const scope = nock('https://pictory-gateway.example.com')
			.get('/api/v1/aistudio/images')
			.matchHeader('authorization', API_KEY)
			.reply(200, { items: [] });

		const result = await testCredential({
			apiKey: API_KEY,
			baseUrl: 'https://pictory-gateway.example.com/api ',
		});

		expect(result.status).toBe('OK');
		expect(scope.isDone()).toBe(true);
	});

	test('a redirect to another host is not followed: the key goes nowhere else', async () => {
		const elsewhere: unknown[] = [];
		nock('https://elsewhere.example.net')
			.persist()
			.get(/.*/)
			.reply(function () {
				elsewhere.push(this.req.headers.authorization);
				return [200, { items: [] }];
			});
		nock(BASE_URL)
			.get(IMAGES_PATH)
			.reply(302, '', { Location: 'https://elsewhere.example.net/collect' });

		const result = await testCredential({ apiKey: API_KEY });

		expect(result).toEqual({
			status: 'Error',
			message:
				"The Base URL answered with a redirect (HTTP 302), which the test does not follow: the key goes only to the Base URL. Check the Base URL (Pictory's is https://api.pictory.ai/pictoryapis).",
		});
		expect(elsewhere).toEqual([]);
	});
});
