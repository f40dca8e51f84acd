import { Navigate, NavLink, Outlet, useLocation } from "react-router";

import { useToken } from "../hooks/use-token";
import { Icon, type IconName } from "./icons";
import { UserMenu } from "./user-menu";

const NAV: { to: string; label: string; icon: IconName }[] = [
  { to: "/groups", label: "Groups", icon: "groups" },
  { to: "/clusters", label: "Clusters", icon: "clusters" },
  { to: "/namespaces", label: "Images", icon: "images" },
  { to: "/events", label: "Events", icon: "events" },
  { to: "/tokens", label: "API tokens", icon: "tokens" },
];

/** The signed-in shell: left navigation, top bar with the user menu, and the page. */
export function Layout() {
  const token = useToken();
  const location = useLocation();
  if (!token) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <div className="shell">
      <aside className="sidebar">
        <NavLink to="/groups" className="brand">
          <img src="/favicon.svg" alt="" width={26} height={26} />
          <span>Dockyard</span>
        </NavLink>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} className="nav-link">
              <Icon name={item.icon} />
              {item.label}
            </NavLink>
          ))}
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <UserMenu />
        </header>
        <main className="content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
