// The deploy and scale forms: text fields as typed, validated, then the API's bodies.
import { z } from "zod";

import type { DeployRequest } from "../api/deployments";

export const MAX_REPLICAS = 500;

export const replicasField = z.string().trim()
  .regex(/^\d+$/, `A whole number from 0 to ${MAX_REPLICAS}`)
  .refine((v) => Number(v) <= MAX_REPLICAS, `At most ${MAX_REPLICAS} replicas`);

export const deployFormSchema = z.object({
  version: z.string().regex(/^\d+$/, "Pick a version"),
  cluster_id: z.string().min(1, "Pick a cluster"),
  replicas: replicasField,
});

export type DeployForm = z.infer<typeof deployFormSchema>;

export const scaleFormSchema = z.object({ replicas: replicasField });

export function toDeployRequest(form: DeployForm): DeployRequest {
  return { version: Number(form.version), cluster_id: form.cluster_id, replicas: Number(form.replicas) };
}
