# The portal as a container image: docker build -t familyservices .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm provides the front-end libraries (Leaflet) the build copies into wwwroot/lib.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/FamilyServices.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "FamilyServices.Web.dll"]
