import { createBrowserRouter, Navigate } from "react-router";

import { Layout } from "./components/layout";
import { AppPage } from "./routes/app-page";
import { ClusterPage } from "./routes/cluster-page";
import { ClustersPage } from "./routes/clusters-page";
import { ContainerPage } from "./routes/container-page";
import { EventsPage } from "./routes/events-page";
import { GroupAppsTab } from "./routes/group-apps-tab";
import { GroupMembersTab } from "./routes/group-members-tab";
import { GroupQuotasTab } from "./routes/group-quotas-tab";
import { GroupPage } from "./routes/group-page";
import { GroupsPage } from "./routes/groups-page";
import { LoginPage } from "./routes/login-page";
import { NamespacePage } from "./routes/namespace-page";
import { NamespacesPage } from "./routes/namespaces-page";
import { NotFoundPage } from "./routes/not-found-page";
import { SshKeysPage } from "./routes/ssh-keys-page";
import { TokensPage } from "./routes/tokens-page";
import { UsersPage } from "./routes/users-page";

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/groups" replace /> },
      { path: "groups", element: <GroupsPage /> },
      {
        path: "groups/:groupId",
        element: <GroupPage />,
        children: [
          { index: true, element: <Navigate to="apps" replace /> },
          { path: "apps", element: <GroupAppsTab /> },
          { path: "members", element: <GroupMembersTab /> },
          { path: "quotas", element: <GroupQuotasTab /> },
        ],
      },
      { path: "apps/:appId", element: <AppPage /> },
      { path: "containers/:containerId", element: <ContainerPage /> },
      { path: "clusters", element: <ClustersPage /> },
      { path: "clusters/:clusterId", element: <ClusterPage /> },
      { path: "namespaces", element: <NamespacesPage /> },
      { path: "namespaces/:name", element: <NamespacePage /> },
      // Repositories and builds load on first visit: the main bundle stays within budget.
      {
        path: "namespaces/:name/repositories/new",
        lazy: () => import("./routes/repository-new-page").then((m) => ({ Component: m.RepositoryNewPage })),
      },
      {
        path: "repositories/:repoId",
        lazy: () => import("./routes/repository-page").then((m) => ({ Component: m.RepositoryPage })),
      },
      { path: "builds/:buildId", lazy: () => import("./routes/build-page").then((m) => ({ Component: m.BuildPage })) },
      { path: "events", element: <EventsPage /> },
      { path: "tokens", element: <TokensPage /> },
      { path: "admin/users", element: <UsersPage /> },
      { path: "ssh-keys", element: <SshKeysPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
