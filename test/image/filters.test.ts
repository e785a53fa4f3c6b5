/** Get Generated Images: Created After and Created Before, with the fewest pages read. */
import { makeImages, serveAccount } from '../fakePictory';
import { runPictoryNode } from '../harness';

const getGeneratedImages = (
	parameters: Record<string, unknown>,
	options?: Parameters<typeof runPictoryNode>[1],
) => runPictoryNode({ resource: 'image', operation: 'getGeneratedImages', ...parameters }, options);

describe('Created After / Created Before', () => {
	// 10,000 images, one minute apart: index i was created i minutes before the newest.
	const account = makeImages(10_000);
	const timeOf = (index: number) => account[index].createdDate;
	const msOf = (index: number) => Date.parse(timeOf(index));

	test('Created After matching 3 of 10,000 images costs one request, not 100', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages({
			returnAll: true,
			filters: { createdAfter: timeOf(3) },
		});

		expect(items.map((item) => item.json)).toEqual(account.slice(0, 3));
		expect(requests).toHaveLength(1);
	});

	test('Created After deep in the list pages only as far as it needs', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages({
			returnAll: true,
			filters: { createdAfter: timeOf(250) },
		});

		expect(items).toHaveLength(250);
		expect(requests).toHaveLength(3);
	});

	test.each([
		['ISO 8601 text', timeOf(3)],
		['epoch milliseconds', msOf(3)],
		['epoch milliseconds as text', String(msOf(3))],
		['epoch seconds', msOf(3) / 1000],
		['a Luxon DateTime from an expression', `={{ DateTime.fromISO("${timeOf(3)}") }}`],
		['a JS Date from an expression', `={{ new Date(${msOf(3)}) }}`],
	])('Created After given as %s', async (_, createdAfter) => {
		serveAccount(account);

		const { items, error } = await getGeneratedImages({
			returnAll: true,
			filters: { createdAfter },
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(account.slice(0, 3).map((image) => image.id));
	});

	test('Created After and Limit: whichever ends first', async () => {
		const { requests } = serveAccount(account);

		const limited = await getGeneratedImages({ limit: 2, filters: { createdAfter: timeOf(3) } });
		const windowed = await getGeneratedImages({ limit: 50, filters: { createdAfter: timeOf(3) } });

		expect(limited.items.map((item) => item.json.id)).toEqual([account[0].id, account[1].id]);
		expect(windowed.items).toHaveLength(3);
		expect(requests).toHaveLength(2);
	});

	test('Created Before skips the newer images and pages on to fill the Limit', async () => {
		const { requests } = serveAccount(account);

		const { items } = await getGeneratedImages({
			limit: 5,
			filters: { createdBefore: timeOf(149) },
		});

		expect(items.map((item) => item.json)).toEqual(account.slice(150, 155));
		expect(requests).toHaveLength(2);
	});

	test('both dates give the images in between', async () => {
		serveAccount(account);

		const { items } = await getGeneratedImages({
			returnAll: true,
			filters: { createdAfter: timeOf(20), createdBefore: timeOf(9) },
		});

		expect(items.map((item) => item.json)).toEqual(account.slice(10, 20));
	});

	test('a date without a time zone is read in the workflow’s time zone', async () => {
		const images = makeImages(5, { newest: Date.parse('2026-04-04T12:00:00Z') });
		serveAccount(images);

		// 13:57 in Berlin (UTC+2 in April) is 11:57 UTC: the three images from 11:58 to 12:00 UTC.
		const { items } = await getGeneratedImages(
			{ returnAll: true, filters: { createdAfter: '2026-04-04T13:57:00' } },
			{ timezone: 'Europe/Berlin' },
		);

		expect(items.map((item) => item.json)).toEqual(images.slice(0, 3));
	});

	test.each([
		[{ createdAfter: 'last tuesday' }, 'Created After is not a valid date: last tuesday'],
		[
			{ createdAfter: timeOf(1), createdBefore: timeOf(5) },
			'Created After must be earlier than Created Before',
		],
	])('filters %j are refused before any request', async (filters, message) => {
		const { requests } = serveAccount(account);

		const { error } = await getGeneratedImages({ returnAll: true, filters });

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});

	test('an image without a readable createdDate is a clear error when filtering by date', async () => {
		serveAccount([{ ...account[0], createdDate: 'yesterday' }]);

		const { error } = await getGeneratedImages({
			returnAll: true,
			filters: { createdAfter: timeOf(3) },
		});

		expect(error?.message).toBe('Pictory sent an answer the node cannot read');
		expect(error?.description).toContain(`Image ${account[0].id} has no readable "createdDate"`);
	});
});
