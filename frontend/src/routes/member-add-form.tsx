import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { useMemberMutations } from "../api/groups";
import { Field } from "../components/field";
import { ProblemAlert } from "../components/problem-alert";

const schema = z.object({
  username: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, "Not a username"),
  role: z.enum(["viewer", "developer", "admin"]),
});

/** Add a user to the group by username; owners are made by transfer, not here. */
export function MemberAddForm({ groupId }: { groupId: string }) {
  const { add } = useMemberMutations(groupId);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { username: "", role: "developer" as const } });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    add.mutate(values, { onSuccess: () => form.reset({ username: "", role: values.role }) }));
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Add member">
      <Field label="Username" htmlFor="member-username" error={errors.username?.message}>
        <input id="member-username" placeholder="jane" {...form.register("username")} />
      </Field>
      <Field label="Role" htmlFor="member-role">
        <select id="member-role" {...form.register("role")}>
          <option value="viewer">viewer</option>
          <option value="developer">developer</option>
          <option value="admin">admin</option>
        </select>
      </Field>
      <button type="submit" className="btn btn-primary" disabled={add.isPending}>Add member</button>
      <ProblemAlert error={add.error} className="inline-alert" />
    </form>
  );
}
