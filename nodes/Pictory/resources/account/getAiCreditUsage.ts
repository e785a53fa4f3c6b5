import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationCall } from '../../shared/operation';
import { readCreditUsage } from '../../shared/types';
import { readChoice, readText, refuse } from '../../shared/values';

const show = { resource: ['account'], operation: ['getAiCreditUsage'] };

const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

const MONTHS = [
	{ name: 'Current Month', value: '' },
	...MONTH_NAMES.map((name, index) => ({ name, value: String(index + 1) })),
];

/** How far back Pictory keeps the ledger [stated: the last 12 months]. */
const MONTHS_KEPT = 12;

export const getAiCreditUsageDescription: INodeProperties[] = [
	{
		displayName: 'Month',
		name: 'month',
		type: 'options',
		displayOptions: { show },
		options: MONTHS,
		default: '',
		description:
			'Whose transactions to get: the current month, or a month of the last 12 (Pictory keeps no more)',
	},
	{
		displayName: 'Year',
		name: 'year',
		type: 'string',
		displayOptions: { show },
		default: '',
		placeholder: 'e.g. 2026',
		description:
			'The year of the Month. Leave empty for its latest: in March, "November" is last November. A year needs a month.',
	},
];

/** The year and month (1–12) it is now in the workflow's time zone. */
function monthNow(timeZone: string): { year: number; month: number } {
	const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' })
		.formatToParts(Date.now())
		.reduce<Record<string, string>>((all, { type, value }) => ({ ...all, [type]: value }), {});
	return { year: Number(parts.year), month: Number(parts.month) };
}

/**
 * The query: none for the current month; `year` and `month` for another, its latest when no Year
 * is given. Pictory refuses a year without a month (400), so that is refused before sending, and
 * so are months it does not keep or that have not come yet.
 */
function periodQuery(context: IExecuteSingleFunctions): { year?: number; month?: number } {
	const monthText = readText(context, 'month', 'Month');
	// A month by name or number, as an expression or an agent may give it ("November", "05").
	const named = MONTH_NAMES.findIndex((name) => name.toLowerCase() === monthText.toLowerCase());
	const numbered = /^\d{1,2}$/.test(monthText) ? Number(monthText) : 0;
	const month =
		named >= 0
			? named + 1
			: numbered >= 1 && numbered <= 12
				? numbered
				: Number(readChoice(context, 'month', 'Month', MONTHS, ''));
	const yearText = readText(context, 'year', 'Year');
	if (!month) {
		if (yearText) {
			refuse(
				context,
				'Year needs a Month',
				'Pictory gives a year’s credit usage only month by month: pick a Month too, or leave Year empty for the current month.',
			);
		}
		return {};
	}
	const now = monthNow(context.getTimezone());
	if (yearText && !/^\d{4}$/.test(yearText)) {
		refuse(
			context,
			`Year must be a year such as ${now.year}, not "${yearText}"`,
			'Give four digits, or leave Year empty.',
		);
	}
	const year = yearText ? Number(yearText) : month > now.month ? now.year - 1 : now.year;
	const monthsAgo = (now.year - year) * 12 + (now.month - month);
	if (monthsAgo < 0) {
		refuse(
			context,
			`${MONTH_NAMES[month - 1]} ${year} has not come yet`,
			'Pick this month or an earlier one.',
		);
	}
	if (monthsAgo > MONTHS_KEPT) {
		refuse(
			context,
			`${MONTH_NAMES[month - 1]} ${year} is more than ${MONTHS_KEPT} months ago`,
			`Pictory keeps the AI credit history of the last ${MONTHS_KEPT} months only.`,
		);
	}
	return { year, month };
}

/** The AI-credit transactions of a month, one item each, newest first, as Pictory lists them. */
export async function getAiCreditUsage(
	this: IExecuteSingleFunctions,
	{ request, api }: OperationCall,
) {
	const qs = { ...request.qs, ...periodQuery(this) };
	const transactions = readCreditUsage(this.getNode(), await api.send({ ...request, qs }));
	return transactions.map((json) => ({ json }));
}
