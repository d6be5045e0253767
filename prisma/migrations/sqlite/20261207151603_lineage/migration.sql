-- AlterTable
ALTER TABLE "ArtifactVersion" ADD COLUMN "model" TEXT;
ALTER TABLE "ArtifactVersion" ADD COLUMN "tool" TEXT;

-- CreateTable
CREATE TABLE "VersionInput" (
    "versionId" TEXT NOT NULL,
    "inputVersionId" TEXT NOT NULL,

    PRIMARY KEY ("versionId", "inputVersionId"),
    CONSTRAINT "VersionInput_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArtifactVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VersionInput_inputVersionId_fkey" FOREIGN KEY ("inputVersionId") REFERENCES "ArtifactVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RunRead" (
    "runId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("runId", "versionId"),
    CONSTRAINT "RunRead_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RunRead_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArtifactVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "VersionInput_inputVersionId_idx" ON "VersionInput"("inputVersionId");

-- CreateIndex
CREATE INDEX "RunRead_runId_createdAt_idx" ON "RunRead"("runId", "createdAt");

-- CreateIndex
CREATE INDEX "RunRead_versionId_idx" ON "RunRead"("versionId");

