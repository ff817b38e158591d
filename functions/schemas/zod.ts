/**
 * zod as the functions' request schemas use it: zod/mini (decision 84), whose functions a bundle
 * keeps only when it calls them, where classic zod's methods bring every kind of schema and the
 * JSON Schema writer into each bundle. Mini leaves the error messages to its user; this sets the
 * same English ones classic zod sets when it loads, so a 400 names each field as before. The
 * schemas are zod's own (zod/v4/core), so classic zod composes them and writes them as JSON Schema
 * (`openapi.ts`, the API's request models, the web portal).
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
