/** The element the tip form is rendered into and hydrated from; its `data-props` holds the island's props as JSON. */
export const ISLAND_ROOT_ID = 'tip-form-island';
