-- AlterTable
ALTER TABLE "Identity" ADD COLUMN     "passwordHash" TEXT;

-- CreateTable
CREATE TABLE "UsageSample" (
    "namespaceId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "usedBytes" BIGINT NOT NULL,

    CONSTRAINT "UsageSample_pkey" PRIMARY KEY ("namespaceId","day")
);

-- AddForeignKey
ALTER TABLE "UsageSample" ADD CONSTRAINT "UsageSample_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

