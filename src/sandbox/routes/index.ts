// Every route of the sandbox, below /api/v1.
import type { Route } from '../router.js';
import { activityRoutes } from './activity.js';
import { assignmentRoutes } from './assignments.js';
import { guardrailRoutes } from './guardrails.js';
import { keyRoutes } from './keys.js';
import { organizationRoutes } from './organization.js';
import { workspaceRoutes } from './workspaces.js';

export const ROUTES: readonly Route[] = [
  ...keyRoutes,
  ...guardrailRoutes,
  ...assignmentRoutes,
  ...workspaceRoutes,
  ...organizationRoutes,
  ...activityRoutes,
];
