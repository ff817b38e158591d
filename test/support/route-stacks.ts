import { Template } from 'aws-cdk-lib/assertions';
import type { PortalStack } from '../../lib/portal-stack.ts';

/**
 * The resources of every area's nested stack (`PortalStack.routeStacks`) as one template, for
 * assertions about route functions and methods wherever they live. Logical ids are unique across
 * the areas (each names its route), which this checks.
 */
export const routeStacksTemplate = (stack: PortalStack): Template => {
  const resources: Record<string, unknown> = {};
  for (const nested of stack.routeStacks)
    for (const [id, resource] of Object.entries(Template.fromStack(nested).toJSON().Resources as object)) {
      if (id in resources) throw new Error(`Logical id ${id} is in two of the route stacks`);
      resources[id] = resource;
    }
  return Template.fromJSON({ Resources: resources });
};
