/**
 * A Redocly CLI plugin with the one check of Spectral's `spectral:oas` errors that Redocly's
 * configurable rules cannot express (they test a node against its ancestors, not itself):
 * `array-items`, an array schema names its items. Loaded by redocly.yaml.
 */
const isArray = (type) => type === 'array' || (Array.isArray(type) && type.includes('array'));

export default function spectralEquivalents() {
  return {
    id: 'spectral',
    rules: {
      oas3: {
        'array-items': () => ({
          Schema(schema, { report, location }) {
            if (isArray(schema.type) && schema.items === undefined && schema.prefixItems === undefined)
              report({ message: 'An array schema names its items (Spectral: array-items)', location: location.key() });
          },
        }),
      },
    },
  };
}
