-- AlterTable
ALTER TABLE "ArtifactVersion" ADD COLUMN     "model" TEXT,
ADD COLUMN     "tool" TEXT;

-- CreateTable
CREATE TABLE "VersionInput" (
    "versionId" TEXT NOT NULL,
    "inputVersionId" TEXT NOT NULL,

    CONSTRAINT "VersionInput_pkey" PRIMARY KEY ("versionId","inputVersionId")
);

-- CreateTable
CREATE TABLE "RunRead" (
    "runId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunRead_pkey" PRIMARY KEY ("runId","versionId")
);

-- CreateIndex
CREATE INDEX "VersionInput_inputVersionId_idx" ON "VersionInput"("inputVersionId");

-- CreateIndex
CREATE INDEX "RunRead_runId_createdAt_idx" ON "RunRead"("runId", "createdAt");

-- CreateIndex
CREATE INDEX "RunRead_versionId_idx" ON "RunRead"("versionId");

-- AddForeignKey
ALTER TABLE "VersionInput" ADD CONSTRAINT "VersionInput_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArtifactVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionInput" ADD CONSTRAINT "VersionInput_inputVersionId_fkey" FOREIGN KEY ("inputVersionId") REFERENCES "ArtifactVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunRead" ADD CONSTRAINT "RunRead_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunRead" ADD CONSTRAINT "RunRead_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArtifactVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

