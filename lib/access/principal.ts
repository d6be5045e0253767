/** Who is calling, as every domain service sees it. */
export type TPrincipal = {
  identityId: string;
  name: string;
  isAdmin: boolean;
  groupIds: string[];
};
