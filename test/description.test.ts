import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
	NodeHelpers,
	Workflow,
	type INode,
	type IDisplayOptions,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { PictoryApi } from '../credentials/PictoryApi.credentials';
import { Pictory } from '../nodes/Pictory/Pictory.node';
import { PictoryTrigger } from '../nodes/Pictory/PictoryTrigger.node';
import { nodeTypes } from './harness';

const { description } = new Pictory();

function nodeWith(parameters: INodeParameters): INode {
	return {
		id: 'pictory-node',
		name: 'Pictory',
		type: 'n8n-nodes-pictory.pictory',
		typeVersion: 1,
		position: [0, 0],
		parameters: NodeHelpers.getNodeParameters(
			description.properties,
			parameters,
			true,
			false,
			null,
			null,
		)!,
	};
}

describe('what the editor shows', () => {
	const operations = description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map(({ value, action }) => ({
				resource: property.displayOptions!.show!.resource![0] as string,
				operation: value as string,
				action,
			})),
		);

	test.each(operations)(
		'the subtitle of $resource → $operation names both, as n8n’s nodes do',
		({ resource, operation }) => {
			const node = nodeWith({ resource, operation });
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

			expect(
				workflow.expression.getSimpleParameterValue(node, description.subtitle!, 'internal', {}),
			).toBe(`${operation}: ${resource}`);
		},
	);

	// An AI Agent or MCP client is told each operation's action and description (shared/tool.ts):
	// they say what it does, what it costs and what it returns, short enough for the panel.
	const options = description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map((option) => ({
				...option,
				resource: property.displayOptions!.show!.resource![0] as string,
			})),
		);
	test.each(options)(
		'$resource → $value tells a model what it does, costs and returns',
		({ action, description: text }) => {
			expect(action).toMatch(/^[A-Z][a-z]+ /);
			expect(text).toMatch(
				/(\d AI credits|video minutes|transcription minutes|No credits|Costs |cost is not stated)/,
			);
			expect(text).toMatch(/Returns /);
			expect(text!.length).toBeLessThanOrEqual(200);
		},
	);

	test.each(options)(
		'$resource → $value has a tool Description of its own, shown only on the tool',
		({ resource, value }) => {
			const fields = description.properties.filter(
				(property) =>
					property.name === 'toolDescription' &&
					property.displayOptions?.show?.operation?.includes(value) &&
					property.displayOptions?.show?.resource?.includes(resource),
			);
			expect(fields).toHaveLength(1);
			expect(fields[0].displayOptions!.show!['@tool']).toEqual([true]);
		},
	);

	test('the resources and their operations', () => {
		expect(operations.map(({ resource, operation }) => `${resource}:${operation}`)).toEqual([
			'image:generate',
			'image:getGeneratedImages',
			'aiVideo:generate',
			'aiVideo:getGeneratedVideos',
			'video:createFromText',
			'video:createPreview',
			'video:renderPreview',
			'video:renderFromTemplate',
			'job:get',
			'job:getMany',
			'project:delete',
			'project:get',
			'project:getMany',
			'project:render',
			'avatar:getMany',
			'voice:getMany',
			'account:getAiCreditUsage',
			'account:getUsage',
			'media:searchStock',
			'media:upload',
			'music:search',
			'transcription:transcribe',
			'transcription:createHighlights',
		]);
	});

	test.each([
		['image', 'getGeneratedImages'],
		['aiVideo', 'getGeneratedVideos'],
		['job', 'getMany'],
		['project', 'getMany'],
		['avatar', 'getMany'],
		['voice', 'getMany'],
		['music', 'search'],
	])('%s → %s shows Limit only while Return All is off', (resource, operation) => {
		const limit = description.properties.find(
			(property) =>
				property.name === 'limit' && property.displayOptions?.show?.resource?.includes(resource),
		)!;
		const shown = (returnAll: boolean) => {
			const node = nodeWith({ resource, operation, returnAll });
			return NodeHelpers.displayParameter(node.parameters, limit, node, description);
		};

		expect(shown(false)).toBe(true);
		expect(shown(true)).toBe(false);
	});

	test('Download Video and its field are shown only while waiting for the video', () => {
		const download = description.properties.find(
			(property) =>
				property.name === 'downloadVideo' &&
				property.displayOptions?.show?.operation?.includes('createFromText'),
		)!;
		const shown = (waitForCompletion: boolean) => {
			const node = nodeWith({ resource: 'video', operation: 'createFromText', waitForCompletion });
			return NodeHelpers.displayParameter(node.parameters, download, node, description);
		};

		expect(shown(true)).toBe(true);
		expect(shown(false)).toBe(false);
	});
});

describe('how each field is sent', () => {
	// One place says how a field is sent (CONTRIBUTING.md, "Adding an operation"): its routing,
	// when it goes exactly as picked; otherwise its operation's handler, which reads, checks and
	// builds it. A routed field that the handler also wrote would leave the reader guessing.
	/** Every field, the options of collections too, with the operations it is shown for. */
	const fieldsOf = (
		properties: INodeProperties[],
		show?: IDisplayOptions['show'],
	): Array<{ field: INodeProperties; shownFor: string }> =>
		properties.flatMap((field) => {
			const shownFor = field.displayOptions?.show ?? show;
			return field.type === 'collection'
				? fieldsOf(field.options as INodeProperties[], shownFor)
				: [{ field, shownFor: String(shownFor?.operation) }];
		});

	test('only fields sent as picked (options) are routed: the handlers build the others', () => {
		const routed = fieldsOf(description.properties)
			.filter(({ field }) => field.routing?.send)
			.map(({ field: { name, type, routing }, shownFor }) => {
				const { type: sentIn, property } = routing!.send!;
				return `${shownFor}: ${name} (${type}) → ${sentIn} ${property}`;
			});

		expect(routed).toEqual([
			'generate: model (options) → body model',
			'generate: aspectRatio (options) → body aspectRatio',
			'generate: style (options) → body style',
			'generate: model (options) → body model',
			'generate: pixverseAspectRatio (options) → body aspectRatio',
			'generate: pixverseDuration (options) → body duration',
			'generate: veoAspectRatio (options) → body aspectRatio',
			'generate: veoDuration (options) → body duration',
			'createFromText,createPreview: aspectRatio (options) → body aspectRatio',
			'transcribe: mediaType (options) → body mediaType',
			'transcribe: language (options) → body language',
		]);
	});
});

describe('the nodes panel and the documentation links', () => {
	test('the Pictory entry says what both nodes do, and how often the trigger checks', () => {
		// n8n's nodes panel merges a trigger into the node it is named after and shows the
		// trigger's description for both (generateMergedNodesAndActions in n8n's editor).
		const trigger = new PictoryTrigger().description;
		expect(trigger.name.replace('Trigger', '')).toBe(description.name);
		const entry = trigger.description;

		expect(entry).toMatch(/videos from text/);
		expect(entry).toMatch(/images from prompts/);
		expect(entry).toMatch(/each new AI Studio image/);
		expect(entry).toMatch(/at most once a minute/);
		expect(description.description).toMatch(/videos from text.*images from prompts/);
	});

	test('the credential and the nodes link to sections of this package’s README', () => {
		const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
		const { repository } = JSON.parse(
			readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'),
		) as { repository: { url: string } };
		const home = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
		// GitHub's heading anchors: lower case, punctuation dropped, each space a hyphen.
		const anchors = [...readme.matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
			heading
				.toLowerCase()
				.replace(/[^\p{L}\p{N} -]/gu, '')
				.replace(/ /g, '-'),
		);
		const codexLinks = ['Pictory.node.json', 'PictoryTrigger.node.json'].flatMap((file) => {
			const codex = JSON.parse(
				readFileSync(path.join(__dirname, '..', 'nodes', 'Pictory', file), 'utf8'),
			) as { resources: Record<string, Array<{ url: string }>> };
			return Object.values(codex.resources).flatMap((links) => links.map(({ url }) => url));
		});
		const links = [new PictoryApi().documentationUrl, ...codexLinks];

		expect(links).toHaveLength(5);
		for (const link of links) {
			const [page, anchor] = link.split('#');
			expect(page).toBe(home);
			expect(anchors).toContain(anchor);
		}
	});
});

describe('finding the video sources in the nodes panel', () => {
	// n8n's nodes panel searches a node's display name and its codex alias (Pictory.node.json);
	// inside the node, the actions by their names, with their descriptions shown beside them.
	const codex = JSON.parse(
		readFileSync(path.join(__dirname, '..', 'nodes', 'Pictory', 'Pictory.node.json'), 'utf8'),
	) as { alias: string[] };
	const videoOperations = description.properties.find(
		(property) =>
			property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === 'video',
	)!.options as INodePropertyOptions[];

	test.each([
		'blog',
		'article',
		'PowerPoint',
		'podcast',
		'shorts',
		'avatar',
		'preview',
		'stock footage',
		'music',
		'voice',
		'credits',
	])('typing "%s" finds the Pictory node', (typed) => {
		expect(codex.alias.some((alias) => alias.toLowerCase().includes(typed.toLowerCase()))).toBe(
			true,
		);
	});

	test('Create from Text and Create Preview say which sources they take', () => {
		const createFromText = videoOperations.find(({ value }) => value === 'createFromText')!;
		const createPreview = videoOperations.find(({ value }) => value === 'createPreview')!;

		expect(createFromText.description).toMatch(/article or blog.*PowerPoint.*podcast.*shorts/);
		expect(createPreview.description).toMatch(/from any source/);
	});
});

describe('finding transcription in the nodes panel', () => {
	const codex = JSON.parse(
		readFileSync(path.join(__dirname, '..', 'nodes', 'Pictory', 'Pictory.node.json'), 'utf8'),
	) as { alias: string[] };

	test.each(['transcribe', 'subtitles', 'highlights'])(
		'typing "%s" finds the Pictory node',
		(typed) => {
			expect(codex.alias.some((alias) => alias.toLowerCase().includes(typed))).toBe(true);
		},
	);
});
