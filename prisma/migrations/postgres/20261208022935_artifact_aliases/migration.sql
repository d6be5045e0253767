-- AlterTable
ALTER TABLE "Artifact" ADD COLUMN     "protectedAliases" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ArtifactAlias" (
    "artifactId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArtifactAlias_pkey" PRIMARY KEY ("artifactId","name")
);

-- CreateIndex
CREATE INDEX "ArtifactAlias_versionId_idx" ON "ArtifactAlias"("versionId");

-- AddForeignKey
ALTER TABLE "ArtifactAlias" ADD CONSTRAINT "ArtifactAlias_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "Artifact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArtifactAlias" ADD CONSTRAINT "ArtifactAlias_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArtifactVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

