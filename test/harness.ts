/**
 * Runs the package's nodes through n8n-core's real execution engine (WorkflowExecute → RoutingNode
 * → ExecuteSingleContext → n8n's HTTP helpers). Only the parts n8n's app normally provides around
 * the engine are stood in for: the node/credential registries, a credentials helper and the log.
 * Modelled on n8n's own packages/core/nodes-testing harness.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import {
	DirectoryLoader,
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	PollTriggerExecutor,
	RoutingNode,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	ICredentialsHelper,
	isExpression,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type ICredentialTestRequest,
	type ICredentials,
	type ICredentialType,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRunExecutionData,
	type ITaskData,
	type IVersionedNodeType,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type INodeCredentialTestResult,
	LoggerProxy,
	type Logger as N8nLogger,
} from 'n8n-workflow';

import { PictoryApi } from '../credentials/PictoryApi.credentials';
import { onClock, runClockUntil } from './clock';
import { Pictory } from '../nodes/Pictory/Pictory.node';
import { PictoryCallbackTrigger } from '../nodes/Pictory/PictoryCallbackTrigger.node';
import { PictoryTrigger } from '../nodes/Pictory/PictoryTrigger.node';

/**
 * What n8n logged, oldest first, at n8n's default level (info). Its ErrorReporter logs every
 * failed node run, which many tests cause on purpose: rather than n8n's logger, which writes
 * straight to the terminal, the engine gets one that keeps the lines here for tests to read.
 */
export const n8nLog: string[] = [];
const keptLog: N8nLogger & { scoped(): N8nLogger } = {
	error: (message) => void n8nLog.push(message),
	warn: (message) => void n8nLog.push(message),
	info: (message) => void n8nLog.push(message),
	debug: () => {},
	scoped: () => keptLog,
};
Container.set(Logger, keptLog as unknown as Logger);
LoggerProxy.init(keptLog);

export const API_KEY = 'pictai_test_0123456789abcdef';
/** Where Pictory's API is (its paths are in fixtures.ts). */
export const BASE_URL = 'https://api.pictory.ai';

const PACKAGE = 'n8n-nodes-pictory';

/** The Pictory node as n8n's app loads it: with the Request Options n8n adds to declarative nodes. */
const pictory = new Pictory();
DirectoryLoader.applyDeclarativeNodeOptionParameters(pictory);

const nodeTypeRegistry: Record<string, INodeType> = {
	[`${PACKAGE}.pictory`]: pictory,
	[`${PACKAGE}.pictoryTrigger`]: new PictoryTrigger(),
	[`${PACKAGE}.pictoryCallbackTrigger`]: new PictoryCallbackTrigger(),
};

/** Adds a variant of the package's nodes (the benchmark's baselines) under `${PACKAGE}.<name>`. */
export function registerNodeType(nodeType: INodeType) {
	nodeTypeRegistry[`${PACKAGE}.${nodeType.description.name}`] = nodeType;
}

/**
 * The node types, as n8n's app hands them to the engine (packages/cli/src/node-types.ts): a
 * declarative node gets an `execute` that runs RoutingNode, so that it runs on a full
 * ExecuteContext, the execution's cancel signal included. (n8n-core alone runs such a node on
 * a context without one, which n8n itself never does.)
 */
export const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeRegistry[type] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type, version) => {
		const nodeType = NodeHelpers.getVersionedNodeType(nodeTypeRegistry[type], version);
		const isDeclarative = nodeType.description.requestDefaults !== undefined;
		if (isDeclarative && !nodeType.execute && !nodeType.poll && !nodeType.trigger) {
			nodeType.execute = async function (this: IExecuteFunctions) {
				return (await new RoutingNode(this as ExecuteContext, nodeType).runNode()) ?? [];
			};
		}
		return nodeType;
	},
	getKnownTypes: () => ({}),
};

const credentialTypeRegistry: Record<string, ICredentialType> = {
	pictoryApi: new PictoryApi(),
};

/**
 * What n8n's app does with a credential around a request: apply the property defaults when
 * decrypting it, and apply the credential type's `authenticate` (CredentialsHelper in n8n's app,
 * which n8n-core does not export): a function is called; a generic object's keys and values are
 * resolved as expressions over `$credentials` and set on the request.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialTypeRegistry[typeName];
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		if (!workflow || !node) throw new Error('n8n needs the workflow and node to resolve it');
		const resolve = (value: string) =>
			isExpression(value)
				? String(
						workflow.expression.getSimpleParameterValue(
							node,
							value,
							'internal',
							{ $credentials: credentials },
							undefined,
							'',
						) || '',
					)
				: value;
		const options = requestOptions as unknown as Record<string, Record<string, string>>;
		for (const [part, entries] of Object.entries(authenticate.properties)) {
			options[part] ??= {};
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				options[part][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		return withCredentialDefaults(type, this.data[type] ?? {});
	}

	getParentTypes = () => [];
	isCredentialUsableByNode = () => true;
	getCredentialsProperties = (type: string) => credentialTypeRegistry[type].properties;
	preAuthentication = async () => undefined;
	runPreAuthentication = async () => undefined;
	updateCredentials = async () => {};
	updateCredentialsOauthTokenData = async () => {};
	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}
}

export function withCredentialDefaults(
	type: string,
	data: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	const properties = credentialTypeRegistry[type].properties;
	return NodeHelpers.getNodeParameters(
		properties,
		data as INodeParameters,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
}

function createAdditionalData(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: new TestCredentialsHelper(credentials),
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export type NodeSettings = Partial<
	Pick<
		INode,
		'continueOnFail' | 'onError' | 'retryOnFail' | 'maxTries' | 'waitBetweenTries' | 'executeOnce'
	>
>;

export interface NodeRunResult {
	/** The node's main output, or [] when it failed. */
	items: INodeExecutionData[];
	/** The task data n8n stores for the node (what the editor shows). */
	taskData: ITaskData[];
	/** The error that failed the workflow, if any. */
	error?: IRun['data']['resultData']['error'];
	run: IRun;
}

interface RunOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	settings?: NodeSettings;
	/** The workflow's time zone (n8n's default is America/New_York). */
	timezone?: string;
	/** How many (empty) items the node receives; one by default, as after a Manual Trigger. */
	inputItems?: number;
	/** The items the node receives, as an earlier node (a sheet, say) would give them. */
	input?: IDataObject[];
	/** The same with their binary data, as a node that gives files (Google Drive) would. */
	inputData?: INodeExecutionData[];
	/** Stops the execution, as the editor's Stop button does, once this returns true. */
	stopWhen?: () => boolean;
}

function pictoryNode(
	type: string,
	parameters: INodeParameters,
	settings: NodeSettings = {},
): INode {
	return {
		id: `${type}-node`,
		name: type === 'pictoryTrigger' ? 'Pictory Trigger' : 'Pictory',
		type: `${PACKAGE}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { pictoryApi: { id: '1', name: 'Pictory account' } },
		...settings,
	};
}

function workflowOf(node: INode, timezone?: string, id = 'test-workflow'): Workflow {
	return new Workflow({
		id,
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: timezone ? { timezone } : {},
	});
}

/**
 * Runs `workflow` as a manual execution does, from `start` with `input` as its items, and gives
 * what n8n recorded once the execution is over.
 */
async function executeManually(
	workflow: Workflow,
	start: INode,
	input: INodeExecutionData[],
	{ credentials, stopWhen }: Pick<RunOptions, 'credentials' | 'stopWhen'>,
): Promise<IRun> {
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: workflow.id,
		name: 'Test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	const runExecutionData = {
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: start, data: { main: [input] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	const execution = new WorkflowExecute(
		createAdditionalData(credentials ?? {}, hooks),
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	if (stopWhen) {
		await runClockUntil(stopWhen);
		execution.cancel();
	}
	await onClock(execution);
	return await finished;
}

/**
 * Executes one node of the package as a manual run does (the Pictory node after a Manual Trigger,
 * or the trigger's "Fetch Test Event") and returns what n8n recorded.
 */
export async function runPictoryNode(
	parameters: INodeParameters,
	{
		credentials = { pictoryApi: { apiKey: API_KEY } },
		settings,
		timezone,
		stopWhen,
		inputItems = 1,
		input = Array.from({ length: inputItems }, () => ({})),
		inputData = input.map((json) => ({ json })),
		type = 'pictory',
	}: RunOptions & {
		/** A node type of the package: pictory, pictoryTrigger, or one registered. */ type?: string;
	} = {},
): Promise<NodeRunResult> {
	const node = pictoryNode(type, parameters, settings);
	const run = await executeManually(workflowOf(node, timezone), node, inputData, {
		credentials,
		stopWhen,
	});

	const taskData = run.data.resultData.runData[node.name] ?? [];
	const items = taskData.at(-1)?.data?.main?.[0] ?? [];
	return { items, taskData, error: run.data.resultData.error, run };
}

export interface PollResult {
	/** What the poll emitted (one item per image), or undefined when it emitted nothing. */
	items?: INodeExecutionData[];
	/** The error n8n would record for a failed poll. */
	error?: Error;
}

/**
 * The Pictory Trigger in an active workflow: each `poll()` is one tick of n8n's poll schedule, run
 * by n8n-core's PollTriggerExecutor on a PollContext, with the workflow's static data kept between ticks.
 */
export function activePictoryTrigger(
	parameters: INodeParameters = {},
	{
		credentials = { pictoryApi: { apiKey: API_KEY } },
		workflowId,
	}: Pick<RunOptions, 'credentials'> & { workflowId?: string } = {},
) {
	const node = pictoryNode('pictoryTrigger', parameters);
	const workflow = workflowOf(node, undefined, workflowId);
	const additionalData = createAdditionalData(credentials);
	const executor = Container.get(PollTriggerExecutor);

	/**
	 * A tick, without moving the clock: n8n starts each tick without waiting for the one before,
	 * so a test can start one while another runs, then await both with `onClock`.
	 */
	const startPoll = async (): Promise<PollResult> => {
		const result: PollResult = {};
		const context = new PollContext(
			workflow,
			node,
			additionalData,
			'trigger',
			'activate',
			(data) => (result.items = data[0]),
			(error) => (result.error = error),
		);
		await executor.create(workflow, node, context, () => true)();
		return result;
	};

	return {
		/** The trigger's position, as stored in the workflow's static data. */
		staticData: () => ({ ...workflow.getStaticData('node', node) }),
		startPoll,
		poll: async () => await onClock(startPoll()),
	};
}

/**
 * Runs one of the Pictory node's editor methods as n8n's editor does (DynamicNodeParametersService
 * in n8n's app): on a LoadOptionsContext for the node with `parameters`, its credential attached.
 */
async function inEditor<T>(
	parameters: INodeParameters,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	call: (methods: NonNullable<INodeType['methods']>, context: LoadOptionsContext) => Promise<T>,
): Promise<T> {
	const node = pictoryNode('pictory', parameters);
	const context = new LoadOptionsContext(
		workflowOf(node),
		node,
		createAdditionalData(credentials),
		'parameters',
	);
	const { methods } = new Pictory() as INodeType;
	return await onClock(call(methods!, context));
}

/**
 * What n8n's editor does to fill a dropdown of the Pictory node (DynamicNodeParametersService in
 * n8n's app): call the node's list search method on a LoadOptionsContext, with the typed text.
 */
export async function loadDropdown(
	{
		listSearch,
		filter,
		paginationToken,
	}: { listSearch: string; filter?: string; paginationToken?: string },
	{
		parameters = { resource: 'video', operation: 'createFromText' } as INodeParameters,
		credentials = { pictoryApi: { apiKey: API_KEY } } as Record<
			string,
			ICredentialDataDecryptedObject
		>,
	} = {},
) {
	return await inEditor(parameters, credentials, (methods, context) =>
		methods.listSearch![listSearch].call(context, filter, paginationToken),
	);
}

/**
 * An options field's list as n8n's editor loads it (`loadOptionsMethod`).
 */
export async function loadOptions(
	method: string,
	{
		parameters = { resource: 'music', operation: 'search' } as INodeParameters,
		credentials = { pictoryApi: { apiKey: API_KEY } } as Record<
			string,
			ICredentialDataDecryptedObject
		>,
	} = {},
) {
	return await inEditor(parameters, credentials, (methods, context) =>
		methods.loadOptions![method].call(context),
	);
}

/**
 * What n8n's editor does to fill a resource mapper of the Pictory node (the mapper's fields, from
 * DynamicNodeParametersService in n8n's app): call the node's resource mapping method on a
 * LoadOptionsContext with the node's parameters as they stand.
 */
export async function loadResourceMapperFields(
	method: string,
	parameters: INodeParameters,
	{
		credentials = { pictoryApi: { apiKey: API_KEY } } as Record<
			string,
			ICredentialDataDecryptedObject
		>,
	} = {},
) {
	return await inEditor(parameters, credentials, (methods, context) =>
		methods.resourceMapping![method].call(context),
	);
}

/**
 * What n8n does with a credential's `test` request when the credential is saved, or the test
 * retried (CredentialsTester in n8n's app): run it through RoutingNode as a throw-away node, then
 * map a failure through the rules.
 */
export async function testCredential(
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const credentialType = credentialTypeRegistry.pictoryApi;
	const { request, rules } = credentialType.test as ICredentialTestRequest;
	const testNodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: 'pictoryApi', required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request } },
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { pictoryApi: { id: '1', name: 'Pictory account' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => testNodeType,
			getByNameAndVersion: () => testNodeType,
			getKnownTypes: () => ({}),
		},
	});
	const credentialsDecrypted = {
		id: '1',
		name: 'Pictory account',
		type: 'pictoryApi',
		data: withCredentialDefaults('pictoryApi', data),
	};
	const context = new ExecuteContext(
		workflow,
		node,
		createAdditionalData({ pictoryApi: data }),
		'internal',
		{ resultData: { runData: {} } } as IRunExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	try {
		await onClock(new RoutingNode(context, testNodeType, credentialsDecrypted).runNode());
	} catch (error) {
		const status = (error as { cause?: { response?: { status?: number } } }).cause?.response
			?.status;
		const rule = rules?.find(
			(candidate) => candidate.type === 'responseCode' && candidate.properties.value === status,
		);
		return {
			status: 'Error',
			message: rule?.properties.message ?? `Received HTTP status code: ${status}`,
		};
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * The Pictory node as an AI Agent's or an MCP Server Trigger's tool, as n8n's app offers a
 * `usableAsTool` node (convertNodeToAiTool in n8n's tool-generation): a "…Tool" node type with an
 * ai_tool output and no input, and, unless the node has its own, a Tool Description parameter
 * (Set Automatically / Set Manually). n8n-core turns it into a LangChain tool (createNodeAsTool)
 * when an agent asks for its tools.
 */
const pictoryTool: INodeType = (() => {
	const { description, methods } = new Pictory();
	DirectoryLoader.applyDeclarativeNodeOptionParameters({ description } as INodeType);
	const properties = [...description.properties];
	if (!properties.some((property) => property.name === 'toolDescription')) {
		properties.unshift(
			{
				displayName: 'Tool Description',
				name: 'descriptionType',
				type: 'options',
				options: [
					{ name: 'Set Automatically', value: 'auto' },
					{ name: 'Set Manually', value: 'manual' },
				],
				default: 'auto',
			},
			{
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				displayOptions: { show: { descriptionType: ['manual'] } },
				default: description.description,
			},
		);
	}
	return {
		description: {
			...description,
			name: `${description.name}Tool`,
			displayName: `${description.displayName} Tool`,
			inputs: [],
			outputs: [NodeConnectionTypes.AiTool],
			properties,
		},
		methods,
	};
})();
registerNodeType(pictoryTool);

interface AgentTool {
	name: string;
	description: string;
	schema: {
		shape: Record<string, { description?: string; _def: { typeName?: string; type?: string } }>;
	};
	invoke(args: IDataObject): Promise<string>;
}

/** What the model is told of each parameter of a tool: its zod type and description. */
function schemaOf(tool: AgentTool): IDataObject {
	return Object.fromEntries(
		Object.entries(tool.schema.shape).map(([key, field]) => [
			key,
			{ type: field._def.typeName ?? field._def.type, description: field.description },
		]),
	);
}

/**
 * An agent as n8n's AI Agent runs tools: for each of its input items it asks n8n-core for the
 * tools connected to it (getInputConnectionData) and calls the first with `toolArgs`, as a model
 * would; its output is each call's answer (the tool's text) or the error it threw.
 */
const agentNodeType: INodeType = {
	description: {
		displayName: 'Test Agent',
		name: 'testAgent',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: {},
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.AiTool],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Tool Args', name: 'toolArgs', type: 'json', default: '{}' }],
	},
	async execute(this: IExecuteFunctions) {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, itemIndex)) as
				AgentTool[] | AgentTool;
			const tool = Array.isArray(tools) ? tools[0] : tools;
			const toolArgs = JSON.parse(this.getNodeParameter('toolArgs', itemIndex) as string);
			const seen = { name: tool.name, description: tool.description, schema: schemaOf(tool) };
			try {
				output.push({ json: { answer: await tool.invoke(toolArgs), tool: seen } });
			} catch (error) {
				output.push({ json: { toolError: (error as Error).message, tool: seen } });
			}
		}
		return [output];
	},
};
registerNodeType(agentNodeType);

/**
 * Runs an agent with `agentItems` input items and the Pictory node (`parameters`, with $fromAI
 * placeholders) as its tool; each item's tool call gets `toolArgs`. Gives the agent's output.
 */
export async function runAsAgentTool(
	parameters: INodeParameters,
	{
		agentItems = 1,
		toolArgs = {},
		agentInput,
		toolName,
		credentials = { pictoryApi: { apiKey: API_KEY } },
	}: {
		agentItems?: number;
		/** The arguments of every call, or, as an expression over the agent's item, of each. */
		toolArgs?: IDataObject | string;
		/** The agent's items, instead of `agentItems` empty ones. */
		agentInput?: IDataObject[];
		/** The tool node's name, which n8n makes the tool's name. */
		toolName?: string;
	} & Pick<RunOptions, 'credentials'> = {},
): Promise<{ items: INodeExecutionData[]; error?: IRun['data']['resultData']['error'] }> {
	const tool = pictoryNode('pictoryTool', parameters);
	if (toolName) tool.name = toolName;
	const agent: INode = {
		id: 'agent-node',
		name: 'Agent',
		type: `${PACKAGE}.testAgent`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { toolArgs: typeof toolArgs === 'string' ? toolArgs : JSON.stringify(toolArgs) },
	};
	const connections = {
		[tool.name]: {
			[NodeConnectionTypes.AiTool]: [
				[{ node: agent.name, type: NodeConnectionTypes.AiTool, index: 0 }],
			],
		},
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [agent, tool],
		connections,
		active: false,
		nodeTypes,
		settings: {},
	});
	const input = (agentInput ?? Array.from({ length: agentItems }, (_, index) => ({ index }))).map(
		(json) => ({ json }),
	);
	const run = await executeManually(workflow, agent, input, { credentials });
	const items = run.data.resultData.runData[agent.name]?.at(-1)?.data?.main?.[0] ?? [];
	return { items, error: run.data.resultData.error };
}

/** What n8n answered a call to a webhook trigger, and what the call started. */
export interface WebhookCallResult {
	/** The status the node answered with itself, or 200 when n8n answers ("Workflow was started"). */
	status: number;
	/** The node's own answer, if it gave one. */
	answer?: unknown;
	/** What the call emitted into the workflow, or undefined when it started nothing. */
	items?: INodeExecutionData[];
}

/**
 * The Pictory Callback Trigger in an active workflow: each `call()` is a request to its
 * production URL as n8n's WebhookService runs it (a WebhookContext over the request and its
 * express response, the node's `webhook` method), with the workflow's static data kept between
 * calls. With the node's responseMode onReceived, n8n answers 200 itself when the node leaves
 * the answer to it.
 */
export function activeCallbackTrigger(
	parameters: INodeParameters = {},
	{ credentials = { pictoryApi: { apiKey: API_KEY } } }: Pick<RunOptions, 'credentials'> = {},
) {
	const node = pictoryNode('pictoryCallbackTrigger', parameters);
	node.name = 'Pictory Callback Trigger';
	node.webhookId = 'callback-webhook-id';
	const workflow = workflowOf(node, undefined, 'callback-workflow');
	const nodeType = nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;

	const startCall = async ({
		body,
		query = {},
	}: {
		body: unknown;
		query?: Record<string, string>;
	}): Promise<WebhookCallResult> => {
		const result: WebhookCallResult = { status: 200 };
		const response = {
			status(code: number) {
				result.status = code;
				return response;
			},
			json(answer: unknown) {
				result.answer = answer;
				return response;
			},
		};
		const request = {
			method: 'POST',
			body,
			query,
			headers: { 'content-type': 'application/json' },
			params: {},
		};
		const additionalData = {
			...createAdditionalData(credentials),
			httpRequest: request,
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'pictory',
			webhookDescription: nodeType.description.webhooks![0],
			workflowId: workflow.id,
			isTest: false,
		} as unknown as IWebhookData;
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		const answered = await nodeType.webhook!.call(context);
		result.items = answered.workflowData?.[0];
		return result;
	};

	return {
		staticData: () => ({ ...workflow.getStaticData('node', node) }),
		startCall,
		call: async (request: Parameters<typeof startCall>[0]) => await onClock(startCall(request)),
	};
}
