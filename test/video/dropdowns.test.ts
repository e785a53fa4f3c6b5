/** The searchable lists of Create from Text (Voice, Smart Layout, Brand, Subtitle Style), loaded as n8n’s editor loads them. */
import { NodeApiError, type INodeProperties } from 'n8n-workflow';
import nock from 'nock';

import { dropdownLists } from '../fakePictory';
import { Pictory } from '../../nodes/Pictory/Pictory.node';
import { API_KEY, BASE_URL, loadDropdown } from '../harness';

describe('the dropdowns', () => {
	const serveList = (path: string, body: unknown) =>
		nock(BASE_URL)
			.get(`/pictoryapis${path}`)
			.matchHeader('authorization', API_KEY)
			.reply(200, body as nock.Body);

	test('Voice: every voice with its language and accent, after "No Narration"', async () => {
		serveList('/v1/voiceovers/tracks', dropdownLists.voices);

		const voices = await loadDropdown({ listSearch: 'searchVoices' });

		expect(voices).toEqual({
			results: [
				{ name: 'No Narration', value: 'none' },
				{ name: 'Amy (English, British, female)', value: 'Amy' },
				{ name: 'Brian (English, American, male)', value: 'Brian' },
				{ name: 'Lucia (Spanish, Castilian, female)', value: 'Lucia' },
			],
		});
	});

	test('Voice: searching by language', async () => {
		serveList('/v1/voiceovers/tracks', dropdownLists.voices);

		const voices = await loadDropdown({ listSearch: 'searchVoices', filter: 'spanish' });

		expect(voices).toEqual({
			results: [{ name: 'Lucia (Spanish, Castilian, female)', value: 'Lucia' }],
		});
	});

	test('every dropdown filled from Pictory is a searchable list loaded when opened, with a typed mode', () => {
		// An options field with loadOptionsMethod loads as soon as a new node shows it, before n8n has
		// attached the credential, and n8n's editor shows its failure as "[object Object]".
		const { description, methods } = new Pictory();
		const fields = description.properties.flatMap((property) => [
			property,
			...((property.options ?? []) as INodeProperties[]),
		]);

		// The one exception: Music → Search's filters, which take several values each (a resource
		// locator takes one). They are options of the Filters collection, which n8n loads only once
		// the filter is added, so never before the credential is attached.
		const loaded = fields.filter((field) => field.typeOptions?.loadOptionsMethod);
		const musicFilters = description.properties.find(
			(property) =>
				property.name === 'filters' && property.displayOptions?.show?.resource?.[0] === 'music',
		)!;
		expect(loaded.map(({ name, type }) => `${name} (${type})`).sort()).toEqual(
			['genreGroup', 'genre', 'mood', 'instrument', 'purpose']
				.flatMap((name) => [name, `not${name[0].toUpperCase()}${name.slice(1)}`])
				.map((name) => `${name} (multiOptions)`)
				.sort(),
		);
		expect(musicFilters.type).toBe('collection');
		const inFilters = musicFilters.options as INodeProperties[];
		expect(loaded.every((field) => inFilters.includes(field))).toBe(true);
		for (const field of loaded) {
			expect(methods.loadOptions).toHaveProperty(field.typeOptions!.loadOptionsMethod!);
		}
		const locators = fields.filter((field) => field.type === 'resourceLocator');
		expect(
			locators.map(({ name, modes }) => [
				name,
				modes!.map((mode) => mode.typeOptions?.searchListMethod ?? mode.name),
			]),
		).toEqual([
			['voice', ['searchVoices', 'name']],
			['smartLayoutName', ['searchSmartLayouts', 'id']],
			['avatar', ['searchAvatars', 'id']],
			['brandName', ['searchBrands', 'id']],
			['subtitleStyleName', ['searchSubtitleStyles', 'id']],
			['vimeoConnection', ['searchVimeoConnections', 'id']],
			['template', ['searchTemplates', 'id']],
			['vimeoConnection', ['searchVimeoConnections', 'id']],
			['project', ['searchProjects', 'id']],
		]);
		for (const { modes } of locators) {
			expect(methods.listSearch).toHaveProperty(modes![0].typeOptions!.searchListMethod!);
			expect(modes![0].typeOptions?.searchable).toBe(true);
		}
	});

	const NAMED_LISTS = [
		['Smart Layout', 'searchSmartLayouts', '/v1/smartlayouts', dropdownLists.smartLayouts],
		['Brand', 'searchBrands', '/v1/brands/video', dropdownLists.brands],
		['Subtitle Style', 'searchSubtitleStyles', '/v1/styles', dropdownLists.styles],
	] as const;

	test.each(NAMED_LISTS)(
		'%s: “Pictory’s Default”, then every name from Pictory, sorted, each once',
		async (_, method, path, list) => {
			const entries: Array<{ name?: string; templateName?: string }> = Array.isArray(list)
				? list
				: list.items;
			const names = entries.map((entry) => entry.templateName ?? entry.name);
			serveList(path, { items: [...entries, ...entries] });

			const found = await loadDropdown({ listSearch: method });

			expect(found).toEqual({
				results: [
					{ name: 'Pictory’s Default', value: '' },
					...names.sort().map((name) => ({ name, value: name })),
				],
			});
		},
	);

	test.each([
		['wander', [{ name: 'Wanderlust', value: 'Wanderlust' }]],
		['  CORP ', [{ name: 'Corporate', value: 'Corporate' }]],
		["pictory's", [{ name: 'Pictory’s Default', value: '' }]],
		['nothing like it', []],
	])(
		'Smart Layout: the typed text %j finds the names that hold it, in any case',
		async (filter, results) => {
			serveList('/v1/smartlayouts', dropdownLists.smartLayouts);

			const found = await loadDropdown({ listSearch: 'searchSmartLayouts', filter });

			expect(found).toEqual({ results });
		},
	);

	test('an account without brands lists only “Pictory’s Default”', async () => {
		serveList('/v1/brands/video', []);

		const found = await loadDropdown({ listSearch: 'searchBrands' });

		expect(found).toEqual({ results: [{ name: 'Pictory’s Default', value: '' }] });
	});

	/**
	 * What n8n's REST API sends the editor for an error thrown by a list search (sendErrorResponse
	 * in n8n's response-helper.ts: the message and the NodeApiError's own fields), of which the
	 * editor shows `httpCode`, `message` and `description`.
	 */
	const sentToTheEditor = (error: Error) =>
		JSON.stringify(Object.assign({ code: 0, message: error.message }, error));

	test.each([
		['Voice', 'searchVoices', '/v1/voiceovers/tracks'],
		...NAMED_LISTS.map(([label, method, path]): [string, string, string] => [label, method, path]),
	])(
		'%s with a wrong key: Pictory’s "rejected the API key" and what to do, not an empty list',
		async (_, method, path) => {
			nock(BASE_URL).get(`/pictoryapis${path}`).reply(401, { message: 'Unauthorized' });

			const error = await loadDropdown(
				{ listSearch: method },
				{ credentials: { pictoryApi: { apiKey: 'pictai_wrong' } } },
			).catch((thrown: Error) => thrown);

			expect(error).toBeInstanceOf(NodeApiError);
			const sent = sentToTheEditor(error as Error);
			expect(JSON.parse(sent)).toMatchObject({
				name: 'NodeApiError',
				httpCode: '401',
				message: 'Pictory rejected the API key',
				description:
					'Open the Pictory API credential and paste the API key again: it starts with "pictai_" and is shown on the API Access page of your Pictory account.',
			});
			expect(sent).not.toContain('pictai_wrong');
		},
	);

	test('an answer that is not a list is a clear error', async () => {
		serveList('/v1/styles', { message: 'maintenance' });

		await expect(loadDropdown({ listSearch: 'searchSubtitleStyles' })).rejects.toThrow(
			'Pictory sent an answer the node cannot read',
		);
	});
});
