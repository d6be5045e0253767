-- AlterTable
ALTER TABLE "Namespace" ADD COLUMN     "quotaBytes" BIGINT,
ADD COLUMN     "reservedBytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "retentionDays" INTEGER,
ADD COLUMN     "usedBytes" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Artifact" ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "QuotaReservation" (
    "id" TEXT NOT NULL,
    "namespaceId" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuotaReservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArtifactShare" (
    "id" TEXT NOT NULL,
    "artifactId" TEXT NOT NULL,
    "identityId" TEXT,
    "groupId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArtifactShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL,
    "artifactId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "namespace" TEXT,
    "artifactId" TEXT,
    "version" INTEGER,
    "details" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingBlobDelete" (
    "id" TEXT NOT NULL,
    "backend" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "PendingBlobDelete_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

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

-- AddForeignKey
ALTER TABLE "ArtifactShare" ADD CONSTRAINT "ArtifactShare_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "Artifact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "Artifact"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Usage of what was stored before quotas were kept.
UPDATE "Namespace" SET "usedBytes" = COALESCE((SELECT SUM(v."sizeBytes") FROM "ArtifactVersion" v JOIN "Artifact" a ON a."id" = v."artifactId" WHERE a."namespaceId" = "Namespace"."id"), 0);
