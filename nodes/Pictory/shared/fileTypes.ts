/**
 * File types by their first bytes ("magic numbers"), for the downloads: a file is what its bytes
 * say, whatever its Content-Type, so an error page labelled image/png is not taken for an image.
 */

/** A file type: its name in messages, its mime type and its file name extension. */
export interface FileType {
	name: string;
	mimeType: string;
	extension: string;
}

const fileType = (name: string, mimeType: string, extension: string): FileType => ({
	name,
	mimeType,
	extension,
});

/** The file types the node recognises, by their first bytes. */
const TYPES = {
	png: fileType('PNG', 'image/png', 'png'),
	jpeg: fileType('JPEG', 'image/jpeg', 'jpg'),
	gif: fileType('GIF', 'image/gif', 'gif'),
	webp: fileType('WebP', 'image/webp', 'webp'),
	avif: fileType('AVIF', 'image/avif', 'avif'),
	heic: fileType('HEIC', 'image/heic', 'heic'),
	heif: fileType('HEIF', 'image/heif', 'heif'),
	bmp: fileType('BMP', 'image/bmp', 'bmp'),
	tiff: fileType('TIFF', 'image/tiff', 'tif'),
	jxl: fileType('JPEG XL', 'image/jxl', 'jxl'),
	mp4: fileType('MP4', 'video/mp4', 'mp4'),
	mov: fileType('MOV', 'video/quicktime', 'mov'),
	m4v: fileType('M4V', 'video/x-m4v', 'm4v'),
	threeGp: fileType('3GP', 'video/3gpp', '3gp'),
	threeG2: fileType('3G2', 'video/3gpp2', '3g2'),
	webm: fileType('WebM', 'video/webm', 'webm'),
	mkv: fileType('Matroska', 'video/x-matroska', 'mkv'),
	avi: fileType('AVI', 'video/x-msvideo', 'avi'),
	flv: fileType('FLV', 'video/x-flv', 'flv'),
	wmv: fileType('WMV', 'video/x-ms-wmv', 'wmv'),
	mpeg: fileType('MPEG', 'video/mpeg', 'mpg'),
	mpegTs: fileType('MPEG-TS', 'video/mp2t', 'ts'),
	// Neither images nor videos, recognised to say what came instead.
	m4a: fileType('M4A', 'audio/mp4', 'm4a'),
	wav: fileType('WAV', 'audio/wav', 'wav'),
	pdf: fileType('PDF', 'application/pdf', 'pdf'),
} satisfies Record<string, FileType>;

/** Whether `head` holds `expected` (bytes, or text read as Latin-1) at `offset`. */
function has(head: Buffer, offset: number, expected: string | number[]): boolean {
	const bytes =
		typeof expected === 'string' ? Buffer.from(expected, 'latin1') : Buffer.from(expected);
	return head.subarray(offset, offset + bytes.length).equals(bytes);
}

/**
 * An ISO base media file (MP4, MOV, 3GP, AVIF, HEIF…) says what it is by the brands of its first
 * box, "ftyp": the major one at byte 8, then the compatible ones.
 */
function isoMediaType(head: Buffer): FileType | undefined {
	if (!has(head, 4, 'ftyp') || head.length < 12) return undefined;
	const end = Math.min(head.readUInt32BE(0), head.length);
	const major = head.toString('latin1', 8, 12);
	const brands = [major];
	for (let offset = 16; offset + 4 <= end; offset += 4) {
		brands.push(head.toString('latin1', offset, offset + 4));
	}
	const image = major === 'mif1' || major === 'msf1';
	if (
		['avif', 'avis'].includes(major) ||
		(image && brands.some((brand) => brand === 'avif' || brand === 'avis'))
	) {
		return TYPES.avif;
	}
	if (
		/^he[iv][cxms]$/.test(major) ||
		(image && brands.some((brand) => /^he[iv][cxms]$/.test(brand)))
	) {
		return TYPES.heic;
	}
	if (image) return TYPES.heif;
	if (major === 'qt  ') return TYPES.mov;
	if (major.startsWith('3g2')) return TYPES.threeG2;
	if (major.startsWith('3g')) return TYPES.threeGp;
	if (major.startsWith('M4V')) return TYPES.m4v;
	if (/^M4[ABP] $/.test(major)) return TYPES.m4a;
	return TYPES.mp4;
}

/** Matroska and WebM start with an EBML header, whose DocType says which. */
function ebmlType(head: Buffer): FileType | undefined {
	if (!has(head, 0, [0x1a, 0x45, 0xdf, 0xa3])) return undefined;
	return head.includes('webm', 0, 'latin1') ? TYPES.webm : TYPES.mkv;
}

/** MPEG transport streams are 188-byte packets, each starting with 0x47. */
const isMpegTs = (head: Buffer) =>
	head.length > 376 && head[0] === 0x47 && head[188] === 0x47 && head[376] === 0x47;

/** A BMP file header, then the size of one of the known DIB headers. */
const isBmp = (head: Buffer) =>
	has(head, 0, 'BM') &&
	head.length >= 18 &&
	[12, 40, 52, 56, 64, 108, 124].includes(head.readUInt32LE(14));

const SIGNATURES: Array<[FileType, (head: Buffer) => boolean]> = [
	[TYPES.png, (head) => has(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
	[TYPES.jpeg, (head) => has(head, 0, [0xff, 0xd8, 0xff])],
	[TYPES.gif, (head) => has(head, 0, 'GIF87a') || has(head, 0, 'GIF89a')],
	[TYPES.webp, (head) => has(head, 0, 'RIFF') && has(head, 8, 'WEBP')],
	[TYPES.bmp, isBmp],
	[
		TYPES.tiff,
		(head) => has(head, 0, [0x49, 0x49, 0x2a, 0x00]) || has(head, 0, [0x4d, 0x4d, 0x00, 0x2a]),
	],
	[
		TYPES.jxl,
		(head) =>
			has(head, 0, [0xff, 0x0a]) ||
			has(head, 0, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a]),
	],
	[TYPES.mov, (head) => ['moov', 'mdat', 'wide'].some((atom) => has(head, 4, atom))],
	[TYPES.avi, (head) => has(head, 0, 'RIFF') && has(head, 8, 'AVI ')],
	[TYPES.flv, (head) => has(head, 0, [0x46, 0x4c, 0x56, 0x01])],
	[TYPES.wmv, (head) => has(head, 0, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])],
	[
		TYPES.mpeg,
		(head) => has(head, 0, [0x00, 0x00, 0x01, 0xba]) || has(head, 0, [0x00, 0x00, 0x01, 0xb3]),
	],
	[TYPES.mpegTs, isMpegTs],
	[TYPES.wav, (head) => has(head, 0, 'RIFF') && has(head, 8, 'WAVE')],
	[TYPES.pdf, (head) => has(head, 0, '%PDF-')],
];

/** Enough bytes for every signature above (an MPEG-TS file's third packet is at byte 376). */
export const SNIFF_BYTES = 512;

/** The file's type from its first bytes: undefined when no known type starts so. */
export function fileTypeOf(head: Buffer): FileType | undefined {
	return (
		isoMediaType(head) ?? ebmlType(head) ?? SIGNATURES.find(([, matches]) => matches(head))?.[0]
	);
}

/** The types recognised of a kind ("image", "video"), named for messages: "PNG, JPEG, … or JPEG XL". */
export function typeNames(kind: string): string {
	const names = Object.values(TYPES)
		.filter((type) => type.mimeType.startsWith(`${kind}/`))
		.map((type) => type.name);
	return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
