/**
 * Pictory over MCP, through n8n 2.41.1: examples/mcp-server.json active, and an MCP client (the
 * official TypeScript SDK) on n8n's MCP Server Trigger, at its production URL, over streamable
 * HTTP, listing the Pictory tools and calling two of them against the stand-in. No model needed:
 * the client calls the tools as a model's MCP host would.
 */
import { exampleWorkflow, type N8nClient } from './n8nClient';
import { startSession, type E2eSession } from './session';

// The SDK is ESM-first, with CommonJS builds under package exports this repository's TypeScript
// settings (moduleResolution node) do not read: required, with the little of its types used here.
interface McpTool {
	name: string;
	description?: string;
	inputSchema: { properties?: Record<string, { type?: string; description?: string }> };
}
interface McpResult {
	isError?: boolean;
	content: Array<{ type: string; text: string }>;
}
interface McpClient {
	connect(transport: unknown): Promise<void>;
	listTools(): Promise<{ tools: McpTool[] }>;
	callTool(call: { name: string; arguments: Record<string, unknown> }): Promise<McpResult>;
	close(): Promise<void>;
}
/* eslint-disable @typescript-eslint/no-require-imports */
const { Client } = require('@modelcontextprotocol/sdk/client/index.js') as {
	Client: new (info: { name: string; version: string }) => McpClient;
};
const { StreamableHTTPClientTransport } =
	require('@modelcontextprotocol/sdk/client/streamableHttp.js') as {
		StreamableHTTPClientTransport: new (
			url: URL,
			options: { requestInit: { headers: Record<string, string> } },
		) => unknown;
	};
/* eslint-enable @typescript-eslint/no-require-imports */

const API_KEY = 'pictai_e2e_mcp_0123456789abcdef';
const MCP_TOKEN = 'mcp-clients-token-0123456789';

let session: E2eSession;
let client: N8nClient;
let mcp: McpClient;

beforeAll(async () => {
	session = await startSession({ apiKey: API_KEY, imageCount: 12, renderChecks: 1 });
	client = session.client;
	const bearer = await client.createCredential(
		"MCP clients' token",
		{ token: MCP_TOKEN },
		'httpBearerAuth',
	);
	const workflow = exampleWorkflow('mcp-server.json');
	for (const node of workflow.nodes) {
		if (node.type === 'CUSTOM.pictoryTool') node.credentials = { pictoryApi: session.credential };
		else node.credentials = { httpBearerAuth: bearer };
	}
	await client.activate(await client.createWorkflow(workflow));

	mcp = new Client({ name: 'pictory-e2e', version: '1.0.0' });
	await mcp.connect(
		new StreamableHTTPClientTransport(new URL(`${session.n8n.url}/mcp/pictory`), {
			requestInit: { headers: { Authorization: `Bearer ${MCP_TOKEN}` } },
		}),
	);
});

afterAll(async () => {
	await mcp?.close();
	await session?.stop();
});

const textOf = (result: McpResult) => JSON.parse(result.content[0].text);

test('the client lists the Pictory tools, each saying what it does, costs and returns', async () => {
	const { tools } = await mcp.listTools();

	expect(tools.map((tool) => tool.name).sort()).toEqual([
		'Create_a_video_from_an_article',
		'Create_a_video_from_text',
		'Generate_an_image',
		'Get_a_job',
		'Get_usage',
		'List_images',
	]);
	const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
	expect(byName.Generate_an_image.description).toBe(
		'Generate an image in Pictory. Make an image from a prompt in AI Studio. Costs 0.6 to 14 AI credits by model. Returns the image’s URL once done, or its job ID.',
	);
	expect(byName.List_images.description).toMatch(/No credits\. Returns one item per image/);
	expect(byName.Create_a_video_from_text.description).toMatch(/Costs video minutes/);
	expect(byName.Generate_an_image.inputSchema.properties).toEqual({
		prompt: expect.objectContaining({
			type: 'string',
			description: 'What the image shows, 5 to 5000 characters',
		}),
	});
	expect(byName.List_images.inputSchema.properties?.limit).toMatchObject({ type: 'number' });
});

test('"List images" gives the newest images', async () => {
	const result = await mcp.callTool({ name: 'List_images', arguments: { limit: 3 } });

	expect(result.isError).toBeFalsy();
	const images = textOf(result);
	expect(images).toHaveLength(3);
	expect(images.map((image: { id: string }) => image.id)).toEqual(
		session.pictory.images.slice(0, 3).map((image) => image.id),
	);
});

test('"Generate an image" orders it, waits, and gives the image with its job ID', async () => {
	const before = session.pictory.requests.length;

	const result = await mcp.callTool({
		name: 'Generate_an_image',
		arguments: { prompt: 'A lighthouse at dawn, watercolour' },
	});

	expect(result.isError).toBeFalsy();
	const [image] = textOf(result);
	expect(image).toMatchObject({ jobId: expect.any(String), status: 'completed' });
	expect(image.url).toMatch(/^http/);
	const orders = session.pictory.requests
		.slice(before)
		.filter((request) => request.method === 'POST');
	expect(orders).toHaveLength(1);
});

test('a prompt too short comes back as an error the model can correct, and orders nothing', async () => {
	const before = session.pictory.requests.length;

	const result = await mcp.callTool({ name: 'Generate_an_image', arguments: { prompt: 'cat' } });

	expect(result.isError).toBe(true);
	expect(result.content[0].text).toContain('The prompt must be 5 to 5,000 characters long, not 3');
	expect(session.pictory.requests.slice(before)).toEqual([]);
});

test('n8n knows every node of the chat-to-video example, and saves it as it is', async () => {
	const workflow = exampleWorkflow('chat-to-video.json');
	const known = new Set(
		(await client.rest<Array<{ name: string }>>('GET', '/types/nodes.json')).map(
			({ name }) => name,
		),
	);

	expect(workflow.nodes.map((node) => node.type).filter((type) => !known.has(type))).toEqual([]);
	const id = await client.createWorkflow(workflow);
	const saved = await client.rest<{ nodes: unknown[]; connections: object }>(
		'GET',
		`/rest/workflows/${id}`,
	);
	expect(saved.nodes).toHaveLength(workflow.nodes.length);
	expect(saved.connections).toEqual(workflow.connections);
});
