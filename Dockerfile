# syntax=docker/dockerfile:1
# Multi-stage build: a static binary (pure Go, embedded FerretDB with SQLite
# via modernc.org/sqlite), run as a non-root user with the data on a volume.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -tags ferretdb_no_postgresql -ldflags='-s -w' -o /out/jobmatch ./cmd/jobmatch

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/jobmatch /usr/local/bin/jobmatch
USER nonroot:nonroot
VOLUME ["/data"]
ENV JOBMATCH_DATA_DIR=/data JOBMATCH_ADDR=:8080 JOBMATCH_LOG_FORMAT=json
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/jobmatch"]
CMD ["serve"]
