import { getViewer } from "@/app/_auth/get-viewer";
import { AdminNav } from "@/components/admin/admin-nav";

/** The admin area's sub-navigation. Every page still checks for an admin itself (requireAdminViewer). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  return (
    <>
      {viewer?.isAdmin && <AdminNav />}
      {children}
    </>
  );
}
