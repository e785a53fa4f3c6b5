/**
 * Fixtures for templates, projects, Vimeo connections and AI Studio videos, shaped as Pictory
 * documents them: shared by the nock tests and the HTTP stand-in (test/standIn/templates.ts).
 */
import { API_PATH, VIDEO_HOST } from './fixtures';

export const TEMPLATES_PATH = `${API_PATH}/v1/templates`;
export const templatePath = (templateId: string) =>
	`${TEMPLATES_PATH}/${encodeURIComponent(templateId)}`;

/** GET /v1/templates: in creation order, one deprecated [stated shape]. */
export const TEMPLATES = [
	{
		templateId: 'tpl-welcome',
		name: 'Customer welcome',
		language: 'English',
		published: true,
		deprecated: false,
	},
	{
		templateId: 'tpl-old-promo',
		name: 'Old promo',
		language: 'English',
		published: true,
		deprecated: true,
	},
	{
		templateId: 'tpl-oferta',
		name: 'Oferta de primavera',
		language: 'Spanish',
		published: true,
		deprecated: false,
	},
];

/** Each template's variables. */
export const TEMPLATE_VARIABLES: Record<string, string[]> = {
	'tpl-welcome': ['Name', 'Company', 'Offer'],
	'tpl-old-promo': ['Product'],
	'tpl-oferta': [],
};

/** GET /v1/templates/{id}: `depricated` as the API spells it there, `variables` as an object. */
export function templateDetails(templateId: string) {
	const listed = TEMPLATES.find((template) => template.templateId === templateId);
	if (!listed) return undefined;
	const { deprecated, ...rest } = listed;
	const variables = TEMPLATE_VARIABLES[templateId];
	return {
		...rest,
		depricated: deprecated,
		backgroundMusic: { enabled: true },
		voiceOver: { enabled: true },
		scenes: variables.map((name, index) => ({
			sceneId: `scene-${index + 1}`,
			subtitles: [{ text: `Hello {{${name}}}` }],
			layers: [[{ layerId: `layer-${index + 1}`, type: 'text', text: `{{${name}}}` }]],
		})),
		variables: Object.fromEntries(variables.map((name) => [name, name.toUpperCase()])),
		schemaVersion: 'v3',
		project: `${VIDEO_HOST}/templates/${templateId}/project.json`,
		structure: `${VIDEO_HOST}/templates/${templateId}/structure.json`,
	};
}
