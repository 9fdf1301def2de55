// Surnames of Central and Eastern European, Nordic, Greek and Hungarian cultures, written from
// general knowledge of common family names. Feminine forms (-ová, -ska, -ová, -a) are listed where
// they are common; name-shape.ts also knows the typical endings (-ski, -ović, -escu, -sson…).
export const SURNAMES_EAST_EUROPE: Readonly<Record<string, string>> = {
  // Polish.
  polish: `Nowak Kowalski Kowalska Wiśniewski Wiśniewska Wójcik Kowalczyk Kamiński Kamińska Lewandowski Lewandowska
    Zieliński Zielińska Szymański Szymańska Woźniak Dąbrowski Dąbrowska Kozłowski Kozłowska Jankowski Jankowska Mazur
    Wojciechowski Kwiatkowski Kwiatkowska Krawczyk Kaczmarek Piotrowski Piotrowska Grabowski Grabowska Zając Pawłowski
    Pawłowska Michalski Michalska Król Wieczorek Jabłoński Jabłońska Wróbel Nowakowski Nowakowska Majewski Majewska
    Olszewski Olszewska Stępień Malinowski Malinowska Jaworski Jaworska Adamczyk Dudek Nowicki Nowicka Pawlak Górski
    Górska Witkowski Witkowska Walczak Sikora Baran Rutkowski Rutkowska Michalak Szewczyk Ostrowski Ostrowska Tomaszewski
    Tomaszewska Pietrzak Marciniak Wróblewski Wróblewska Zalewski Zalewska Jakubowski Jakubowska Jasiński Jasińska
    Zawadzki Zawadzka Sadowski Sadowska Bąk Chmielewski Chmielewska Włodarczyk Borkowski Borkowska Czarnecki Czarnecka
    Sawicki Sawicka Sokołowski Sokołowska Urbański Urbańska Kubiak Maciejewski Maciejewska Szczepański Szczepańska
    Kucharski Kucharska Wilk Kalinowski Kalinowska Lis Mazurek Wysocki Wysocka Adamski Adamska Kaźmierczak Wasilewski
    Wasilewska Sobczak Czerwiński Czerwińska Andrzejewski Andrzejewska Cieślak Głowacki Głowacka Zakrzewski Zakrzewska
    Kołodziej Sikorski Sikorska Krajewski Krajewska Gajewski Gajewska Szymczak Szulc Baranowski Baranowska Laskowski
    Laskowska Brzeziński Brzezińska Makowski Makowska Ziółkowski Ziółkowska Przybylski Przybylska Domański Domańska`,
  // Czech and Slovak.
  czech: `Novák Nováková Svoboda Svobodová Novotný Novotná Dvořák Dvořáková Černý Černá Procházka Procházková Kučera
    Kučerová Veselý Veselá Horák Horáková Němec Němcová Marek Marková Pospíšil Pospíšilová Pokorný Pokorná Hájek
    Hájková Král Králová Jelínek Jelínková Růžička Růžičková Beneš Benešová Fiala Fialová Sedláček Sedláčková Doležal
    Doležalová Zeman Zemanová Kolář Kolářová Navrátil Navrátilová Čermák Čermáková Vaněk Vaňková Urban Urbanová Blažek
    Blažková Kříž Křížová Kovář Kovářová Kratochvíl Kratochvílová Bartoš Bartošová Vlček Vlčková Polák Poláková Musil
    Musilová Kopecký Kopecká Šimek Šimková Konečný Konečná Malý Malá Holub Holubová Štěpánek Štěpánková Kadlec
    Kadlecová Dostál Dostálová Soukup Soukupová Šťastný Šťastná Mareš Marešová Moravec Moravcová Sýkora Sýkorová
    Tichý Tichá Valenta Valentová Vávra Vávrová Matoušek Matoušková Bláha Bláhová Říha Říhová Ševčík Ševčíková Bureš
    Burešová Hruška Hrušková Mašek Mašková Havlíček Havlíčková Kováč Kováčová Horváth Horváthová Varga Vargová Tóth`,
  // Croatian, Serbian, Bosnian, Slovene, Bulgarian and Macedonian.
  south_slavic: `Horvat Kovačević Babić Marić Jurić Novak Kovačić Knežević Vuković Marković Petrović Matić Tomić Pavlović
    Kovač Božić Blažević Grgić Pavić Radić Perić Šarić Lovrić Vidović Perković Popović Bošnjak Jukić Barišić Nikolić
    Jovanović Đorđević Stojanović Ilić Stanković Pavlović Milošević Todorović Đukić Lazić Ristić Mitrović Živković
    Kostić Obradović Simić Savić Stefanović Vasić Milić Janković Rakić Krstić Lukić Mladenović Filipović Ivanović
    Begić Hodžić Hadžić Delić Mehmedović Kovačič Krajnc Zupančič Potočnik Mlakar Kos Vidmar Golob Turk Kralj Božič
    Ivanov Georgiev Dimitrov Petrov Nikolov Hristov Stoyanov Todorov Iliev Angelov Atanasov Petkov Kolev Marinov
    Popov Yordanov Stefanov Mihaylov Kostov Dimov Stojanovski Petrovski Nikolovski Trajkovski Jovanovski Ristovski`,
  // Romanian and Moldovan.
  romanian: `Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu Constantin Mihai
    Marin Florea Serban Dinu Lungu Toma Tudor Ene Barbu Ilie Cristea Moldovan Nistor Dobre Ursu Iordache Sandu Neagu
    Georgescu Dumitrescu Constantinescu Stanciu Oprea Dragomir Vasile Zamfir Lazăr Coman Croitoru Anghel Avram Tănase
    Niculescu Enache Voicu Manole Mocanu Bălan Preda Căpraru Diaconu Grigore Surdu Vlad Tomescu Mihăilescu Nicolae`,
  // Russian, Ukrainian and Belarusian (masculine and feminine forms).
  east_slavic: `Ivanov Ivanova Smirnov Smirnova Kuznetsov Kuznetsova Popov Popova Vasiliev Vasilieva Petrov Petrova
    Sokolov Sokolova Mikhailov Mikhailova Novikov Novikova Fedorov Fedorova Morozov Morozova Volkov Volkova Alekseev
    Lebedev Lebedeva Semenov Egorov Pavlov Pavlova Kozlov Kozlova Stepanov Nikolaev Orlov Orlova Andreev Makarov Nikitin
    Zakharov Zaitsev Zaytsev Solovyov Borisov Yakovlev Grigoriev Romanov Vorobyov Sergeev Kuzmin Frolov Alexandrov
    Dmitriev Korolev Gusev Kiselev Ilyin Maksimov Polyakov Sorokin Vinogradov Kovalev Belov Medvedev Antonov Tarasov
    Zhukov Baranov Filippov Komarov Davydov Belyaev Gerasimov Bogdanov Osipov Sidorov Matveev Titov Markov Mironov
    Krylov Kulikov Karpov Vlasov Melnikov Denisov Gavrilov Tikhonov Kazakov Afanasiev Danilov Savelyev Timofeev
    Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Kovalchuk Boyko Melnyk Oliynyk Shevchuk Polishchuk Lysenko
    Rudenko Savchenko Petrenko Marchenko Moroz Tkachuk Koval Kovalenko Pavlenko Levchenko Kharchenko Ponomarenko`,
  // Swedish, Norwegian, Danish, Icelandic and Finnish.
  nordic: `Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jonsson
    Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Lindström Olofsson Lindqvist Lindgren Berg Axelsson
    Lundberg Lind Lundgren Lundqvist Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg
    Wallin Engström Eklund Danielsson Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson Isaksson
    Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson Nordström Mårtensson
    Lundström Hedlund Sundberg Ekström Holmgren Sundström Åberg Dahlberg Hermansson Strand Falk Sandström Öberg
    Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen Eriksen Berg
    Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen Henriksen Lund Sørensen Jakobsen Moen
    Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie Amundsen
    Nielsen Christensen Poulsen Madsen Thomsen Rasmussen Mortensen Møller Frederiksen Laursen Schmidt Kjær Sørensen
    Jónsson Guðmundsson Sigurðsson Gunnarsson Ólafsson Jónsdóttir Guðmundsdóttir Sigurðardóttir Einarsson Magnúsdóttir
    Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Lehtonen Lehtinen Saarinen
    Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen Salo Laitinen Tuominen Rantanen Karjalainen Jokinen`,
  // Greek, Hungarian, Lithuanian, Latvian and Estonian.
  other_european: `Papadopoulos Papadopoulou Georgiou Pappas Nikolaou Dimitriou Konstantinou Ioannou Christodoulou Vlachos
    Karagiannis Oikonomou Makris Antoniou Athanasiou Papageorgiou Alexiou Michailidis Theodorou Anagnostou Kyriakou
    Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász Lakatos Mészáros Oláh
    Simon Rácz Fekete Szilágyi Török Fehér Balázs Gál Kis Szűcs Kocsis Orsós Pintér Fodor Szalai Sipos Magyar Lukács
    Kazlauskas Jankauskas Petrauskas Stankevičius Vasiliauskas Žukauskas Butkus Paulauskas Urbonas Kavaliauskas
    Bērziņš Kalniņš Ozoliņš Jansons Liepiņš Krūmiņš Balodis Tamm Saar Sepp Mägi Kask Kukk Rebane Ilves Pärn Koppel`,
};
