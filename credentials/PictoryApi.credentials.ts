import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, DEFAULT_BASE_URL } from '../nodes/Pictory/shared/transport';

export class PictoryApi implements ICredentialType {
	name = 'pictoryApi';

	displayName = 'Pictory API';

	icon: Icon = {
		light: 'file:../nodes/Pictory/pictory.svg',
		dark: 'file:../nodes/Pictory/pictory.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-pictory/n8n-nodes-pictory#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'pictai_…',
			hint: 'Starts with <code>pictai_</code>. Copy it from the API Access page of your Pictory account.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Advanced: change only to reach Pictory through a proxy or gateway. Leave the default otherwise.',
		},
	];

	// Pictory expects the raw key, without a "Bearer" prefix. Declared as an object, not a function,
	// because n8n offers only such credentials in the HTTP Request node (Predefined Credential Type).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '={{$credentials.apiKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/v1/aistudio/images',
			method: 'GET',
			// n8n would follow a redirect to any host with the key: the test follows none.
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Pictory rejected the API key. Copy it again from the API Access page of your Pictory account.',
				},
			},
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message: `The Base URL answered with a redirect (HTTP ${value}), which the test does not follow: the key goes only to the Base URL. Check the Base URL (Pictory's is ${DEFAULT_BASE_URL}).`,
				},
			})),
		],
	};
}
