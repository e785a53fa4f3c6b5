import nock from 'nock';

import { API_KEY, testCredential } from './harness';
import { IMAGES_PATH, serveAccount } from './fakePictory';

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
});
