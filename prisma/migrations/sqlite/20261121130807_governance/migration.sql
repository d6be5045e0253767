-- AlterTable
ALTER TABLE "Artifact" ADD COLUMN "retainUntil" DATETIME;

-- CreateTable
CREATE TABLE "QuotaReservation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "namespaceId" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ArtifactShare" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "artifactId" TEXT NOT NULL,
    "identityId" TEXT,
    "groupId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArtifactShare_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "Artifact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "artifactId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "revokedById" TEXT,
    CONSTRAINT "ShareLink_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "Artifact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "namespace" TEXT,
    "artifactId" TEXT,
    "version" INTEGER,
    "details" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "PendingBlobDelete" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "backend" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Namespace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ownerIdentityId" TEXT,
    "groupId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "quotaBytes" BIGINT,
    "retentionDays" INTEGER,
    "usedBytes" BIGINT NOT NULL DEFAULT 0,
    "reservedBytes" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "Namespace_ownerIdentityId_fkey" FOREIGN KEY ("ownerIdentityId") REFERENCES "Identity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Namespace_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Namespace" ("createdAt", "groupId", "id", "kind", "name", "ownerIdentityId") SELECT "createdAt", "groupId", "id", "kind", "name", "ownerIdentityId" FROM "Namespace";
DROP TABLE "Namespace";
ALTER TABLE "new_Namespace" RENAME TO "Namespace";
CREATE UNIQUE INDEX "Namespace_name_key" ON "Namespace"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QuotaReservation_namespaceId_idx" ON "QuotaReservation"("namespaceId");

-- CreateIndex
CREATE INDEX "QuotaReservation_expiresAt_idx" ON "QuotaReservation"("expiresAt");

-- CreateIndex
CREATE INDEX "ArtifactShare_identityId_artifactId_idx" ON "ArtifactShare"("identityId", "artifactId");

-- CreateIndex
CREATE INDEX "ArtifactShare_groupId_artifactId_idx" ON "ArtifactShare"("groupId", "artifactId");

-- CreateIndex
CREATE UNIQUE INDEX "ArtifactShare_artifactId_identityId_key" ON "ArtifactShare"("artifactId", "identityId");

-- CreateIndex
CREATE UNIQUE INDEX "ArtifactShare_artifactId_groupId_key" ON "ArtifactShare"("artifactId", "groupId");

-- CreateIndex
CREATE INDEX "ShareLink_artifactId_id_idx" ON "ShareLink"("artifactId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_action_id_idx" ON "AuditEvent"("action", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_id_idx" ON "AuditEvent"("actorId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_namespace_id_idx" ON "AuditEvent"("namespace", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_artifactId_id_idx" ON "AuditEvent"("artifactId", "id");

-- CreateIndex
CREATE INDEX "PendingBlobDelete_createdAt_idx" ON "PendingBlobDelete"("createdAt");

-- CreateIndex
CREATE INDEX "Artifact_expiresAt_idx" ON "Artifact"("expiresAt");

-- CreateIndex
CREATE INDEX "Artifact_retainUntil_idx" ON "Artifact"("retainUntil");


-- Usage of what was stored before quotas were kept.
UPDATE "Namespace" SET "usedBytes" = COALESCE((SELECT SUM(v."sizeBytes") FROM "ArtifactVersion" v JOIN "Artifact" a ON a."id" = v."artifactId" WHERE a."namespaceId" = "Namespace"."id"), 0);
