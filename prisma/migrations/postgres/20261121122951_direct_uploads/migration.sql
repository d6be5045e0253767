-- CreateTable
CREATE TABLE "DirectUpload" (
    "id" TEXT NOT NULL,
    "namespaceId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "backend" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "backendUploadId" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "partSize" INTEGER NOT NULL,
    "partCount" INTEGER NOT NULL,
    "sha256" TEXT,
    "fields" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "artifactId" TEXT,
    "version" INTEGER,
    "failure" TEXT,

    CONSTRAINT "DirectUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DirectUpload_status_expiresAt_idx" ON "DirectUpload"("status", "expiresAt");

