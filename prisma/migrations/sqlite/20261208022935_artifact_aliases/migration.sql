-- CreateTable
CREATE TABLE "ArtifactAlias" (
    "artifactId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("artifactId", "name"),
    CONSTRAINT "ArtifactAlias_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "Artifact" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArtifactAlias_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArtifactVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Artifact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "namespaceId" TEXT NOT NULL,
    "sessionId" TEXT,
    "sessionKey" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "latestVersion" INTEGER,
    "nextVersion" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME,
    "retainUntil" DATETIME,
    "protectedAliases" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Artifact_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Artifact_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Artifact_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Identity" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Artifact" ("createdAt", "createdById", "expiresAt", "id", "latestVersion", "name", "namespaceId", "nextVersion", "retainUntil", "sessionId", "sessionKey", "updatedAt") SELECT "createdAt", "createdById", "expiresAt", "id", "latestVersion", "name", "namespaceId", "nextVersion", "retainUntil", "sessionId", "sessionKey", "updatedAt" FROM "Artifact";
DROP TABLE "Artifact";
ALTER TABLE "new_Artifact" RENAME TO "Artifact";
CREATE INDEX "Artifact_namespaceId_id_idx" ON "Artifact"("namespaceId", "id");
CREATE INDEX "Artifact_sessionId_id_idx" ON "Artifact"("sessionId", "id");
CREATE INDEX "Artifact_namespaceId_name_idx" ON "Artifact"("namespaceId", "name");
CREATE INDEX "Artifact_expiresAt_idx" ON "Artifact"("expiresAt");
CREATE INDEX "Artifact_retainUntil_idx" ON "Artifact"("retainUntil");
CREATE UNIQUE INDEX "Artifact_namespaceId_sessionKey_name_key" ON "Artifact"("namespaceId", "sessionKey", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ArtifactAlias_versionId_idx" ON "ArtifactAlias"("versionId");

