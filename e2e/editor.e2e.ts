/**
 * The node in n8n's editor, in a real browser (Debian's Chromium driven by playwright-core): added
 * after a Manual Trigger by searching "Pictory" in the node panel, with its icon, its actions, and
 * Get Generated Images showing Return All and Limit, Limit hidden once Return All is on; run with
 * "Execute step", its items read in the output panel; the Video resource's Voice dropdown filled
 * from Pictory (the stand-in); and on a newly added Create from Text node, Smart Layout listing the
 * account's layouts, then with a wrong key showing Pictory's "rejected the API key" while keeping
 * the chosen layout. Screenshots go to e2e/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, selectors, type Browser, type Page } from 'playwright-core';

import type { PictoryStandIn } from '../test/pictoryStandIn';
import type { N8nClient } from './n8nClient';
import { startSession, type E2eSession } from './session';

const SCREENSHOTS = path.join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const API_KEY = 'pictai_editor_test';

let session: E2eSession;
let n8n: E2eSession['n8n'];
let pictory: PictoryStandIn;
let client: N8nClient;
let credential: { id: string; name: string };
let browser: Browser;
let page: Page;
let workflowId: string;

const screenshot = async (name: string) =>
	await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

beforeAll(async () => {
	mkdirSync(SCREENSHOTS, { recursive: true });
	session = await startSession({ apiKey: API_KEY, imageCount: 237 }, 'Pictory account');
	({ n8n, client, pictory, credential } = session);
	workflowId = await client.createWorkflow({
		name: 'Pictory in the editor',
		nodes: [
			{
				id: '3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});

	selectors.setTestIdAttribute('data-test-id'); // n8n's editor marks its elements so
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	});
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.addCookies([{ name: 'n8n-auth', value: client.authToken, url: n8n.url }]);
	page = await context.newPage();
});

afterAll(async () => {
	await browser?.close();
	await session?.stop();
});

test('the Pictory node can be found, added and configured in the editor', async () => {
	await page.goto(`${n8n.url}/workflow/${workflowId}`);
	const trigger = page.getByText('When clicking ‘Execute workflow’');
	await trigger.waitFor();
	const gotIt = page.getByRole('button', { name: 'Got it' });
	if (await gotIt.isVisible()) await gotIt.click();

	// The node panel, from the trigger's "+" so the new node connects to it; then search.
	await page.getByTestId('canvas-handle-plus').first().click();
	await page.keyboard.type('Pictory');
	const result = page.getByTestId('item-iterator-item').filter({
		has: page.getByTestId('node-creator-item-name').getByText('Pictory', { exact: true }),
	});
	await result.first().waitFor();
	await expect(iconLoaded(result.first())).resolves.toBe(true);
	await screenshot('1-node-panel-search');

	// Its actions.
	await result.first().click();
	for (const action of ['Generate an image', 'Get generated images', 'Get a job']) {
		await page.getByText(action, { exact: true }).waitFor();
	}
	await screenshot('2-node-panel-actions');

	// Get Generated Images: the node's settings panel.
	await page.getByText('Get generated images', { exact: true }).click();
	const panel = page.getByTestId('ndv');
	await panel.getByText('Return All', { exact: true }).waitFor();
	await expect(iconLoaded(panel)).resolves.toBe(true);
	const operation = panel.getByTestId('parameter-input-operation');
	expect(await operation.locator('input').inputValue()).toBe('Get Generated Images');
	const limit = panel.getByText('Limit', { exact: true });
	await expect(limit.isVisible()).resolves.toBe(true);
	await screenshot('3-get-generated-images');

	// Return All on: Limit goes away.
	await panel.getByTestId('parameter-input-returnAll').locator('.el-switch').click();
	await limit.waitFor({ state: 'hidden' });
	await screenshot('4-return-all-on');
});

test('"Execute step" runs the node, and the output panel shows its items', async () => {
	const panel = page.getByTestId('ndv');
	await panel.getByTestId('node-execute-button').click();

	const output = panel.getByTestId('output-panel');
	await output.getByText('237 items').waitFor();
	await output.getByText(pictory.images[0].id).first().waitFor();
	await screenshot('5-execute-step-output');
});

test('the Video resource’s Voice dropdown is filled from Pictory', async () => {
	const panel = page.getByTestId('ndv');
	await panel.getByTestId('parameter-input-resource').click();
	await page.getByRole('option', { name: 'Video', exact: true }).click();
	const operation = panel.getByTestId('parameter-input-operation');
	await expect(operation.locator('input').inputValue()).resolves.toBe('Create From Text');

	await panel.getByTestId('parameter-input-voice').getByTestId('rlc-input').click();
	await page.getByText('Brian (English, American, male)').waitFor();
	await page.getByText('No Narration').first().waitFor();
	await screenshot('6-video-voice-dropdown');
});

test('a newly added Create from Text node lists the smart layouts as soon as Smart Layout is opened', async () => {
	// Back to the canvas, then a second Pictory node after the first, straight from its action.
	await page.keyboard.press('Escape');
	await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
	await page.getByTestId('canvas-handle-plus').last().click();
	await page.keyboard.type('Pictory');
	const creator = page.getByTestId('node-creator');
	await creator.getByTestId('node-creator-item-name').getByText('Pictory', { exact: true }).click();
	await creator.getByText('Create a video from text', { exact: true }).click();
	const panel = page.getByTestId('ndv');
	const operation = panel.getByTestId('parameter-input-operation');
	await expect(operation.locator('input').inputValue()).resolves.toBe('Create From Text');

	const layout = panel.getByTestId('parameter-input-smartLayoutName');
	await expect(shownValue(layout)).resolves.toBe('');
	await expect(inputOf(layout).getAttribute('placeholder')).resolves.toBe('Pictory’s Default');
	await layout.getByTestId('rlc-input').click();
	const items = page.locator('[data-test-id="rlc-item"]:visible');
	await items.filter({ hasText: 'Wanderlust' }).waitFor();
	await expect(items.allInnerTexts()).resolves.toEqual([
		'Pictory’s Default',
		'Corporate',
		'Wanderlust',
	]);
	await expect(panel.getByText('Error fetching options').count()).resolves.toBe(0);
	await screenshot('7-new-node-smart-layouts');

	await items.filter({ hasText: 'Wanderlust' }).click();
	await expect(shownValue(layout)).resolves.toBe('Wanderlust');
});

test('with a wrong key, Smart Layout shows Pictory’s "rejected the API key" and keeps the chosen layout', async () => {
	await client.updateCredential(credential, { apiKey: 'pictai_wrong', baseUrl: pictory.baseUrl });
	const layout = page.getByTestId('ndv').getByTestId('parameter-input-smartLayoutName');

	// A search is a new request (the list already loaded is kept by the editor).
	await layout.getByTestId('rlc-input').click();
	await page.locator('[data-test-id="rlc-search"]:visible').click();
	await page.keyboard.type('Corp');
	const error = page.locator('[data-test-id="rlc-error-container"]:visible');
	await error.getByTestId('rlc-error-message').waitFor();
	await expect(error.getByTestId('rlc-error-message').innerText()).resolves.toBe(
		'Pictory rejected the API key',
	);
	await expect(error.innerText()).resolves.toContain(
		'Open the Pictory API credential and paste the API key again',
	);
	await expect(error.innerText()).resolves.not.toContain('[object Object]');
	await screenshot('8-smart-layout-wrong-key');
	await expect(shownValue(layout)).resolves.toBe('Wanderlust');
});

/** A resource locator's input, and the text in it. */
const inputOf = (field: ReturnType<Page['locator']>) =>
	field.getByTestId('rlc-input').locator('xpath=self::input | .//input').first();
const shownValue = async (field: ReturnType<Page['locator']>) => await inputOf(field).inputValue();

/** Whether an icon from this package (pictory.svg) is shown, and loaded, inside `scope`. */
async function iconLoaded(scope: ReturnType<Page['locator']>) {
	const icon = scope.locator('img[src*="pictory"]').first();
	await icon.waitFor();
	return await icon.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0);
}
