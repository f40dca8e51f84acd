import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Navigate, useSearchParams } from "react-router";
import { z } from "zod";

import { useLogin } from "../api/auth";
import { Field } from "../components/field";
import { ProblemAlert } from "../components/problem-alert";
import { useToken } from "../hooks/use-token";

const schema = z.object({
  username: z.string().trim().min(1, "Enter your username").max(64),
  password: z.string().min(1, "Enter your password").max(256),
});

/** Only same-site paths: a crafted ?next= must not send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/groups";
}

export function LoginPage() {
  const token = useToken();
  const [params] = useSearchParams();
  const login = useLogin();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { username: "", password: "" } });
  const { errors } = form.formState;

  if (token) return <Navigate to={safeNext(params.get("next"))} replace />;
  return (
    <div className="login-screen">
      <form className="card login-card" onSubmit={form.handleSubmit((v) => login.mutate(v))} noValidate>
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <div>
            <h1>Dockyard</h1>
            <p className="muted">Sign in to your container platform</p>
          </div>
        </div>
        <Field label="Username" htmlFor="username" error={errors.username?.message}>
          <input id="username" autoComplete="username" autoFocus {...form.register("username")} />
        </Field>
        <Field label="Password" htmlFor="password" error={errors.password?.message}>
          <input id="password" type="password" autoComplete="current-password" {...form.register("password")} />
        </Field>
        <ProblemAlert error={login.error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
          {login.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </div>
  );
}
