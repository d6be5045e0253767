// What the admin pages hand their client components: the API's JSON shapes.
export type TIdentityRow = {
  id: string;
  name: string;
  kind: string;
  isAdmin: boolean;
  email: string | null;
  hasPassword: boolean;
  createdAt: string;
  disabledAt: string | null;
};

export type TKeyRow = { id: string; label: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export type TGroupRow = { id: string; name: string; namespace: string; members: string[]; createdAt: string };

export type TGrantRow = { id: string; namespace: string; identity: string | null; group: string | null; permission: string };
