import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";

import { meQuery, useLogout } from "../api/auth";

export function UserMenu() {
  const me = useQuery(meQuery());
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const name = me.data?.username ?? "…";
  return (
    <div className="user-menu" ref={ref}>
      <button type="button" className="user-button" aria-haspopup="menu" aria-expanded={open}
        onClick={() => setOpen(!open)} data-testid="user-menu">
        <span className="avatar">{name.slice(0, 1).toUpperCase()}</span>
        <span>{name}</span>
        {me.data?.is_admin && <span className="badge badge-blue">admin</span>}
        <span aria-hidden>▾</span>
      </button>
      {open && (
        <div className="menu" role="menu">
          <Link role="menuitem" to="/tokens" onClick={() => setOpen(false)}>API tokens</Link>
          <Link role="menuitem" to="/ssh-keys" onClick={() => setOpen(false)}>SSH keys</Link>
          {me.data?.is_admin && <Link role="menuitem" to="/admin/users" onClick={() => setOpen(false)}>Users (admin)</Link>}
          <button type="button" role="menuitem" onClick={() => logout.mutate()} disabled={logout.isPending}>
            Log out
          </button>
        </div>
      )}
    </div>
  );
}
