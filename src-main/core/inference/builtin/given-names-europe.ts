// Given names of European cultures (and their diasporas in the Americas and Oceania), written from
// general knowledge of common names across generations. Spelled as usually written; the lexicon
// folds accents and case, so "Zoé" and "Zoe" are one entry. Grouped by culture so a gap is easy to
// see; a name that belongs to several cultures may appear more than once.
export const GIVEN_EUROPE: Readonly<Record<string, string>> = {
  // English (UK, US, Canada, Australia): classic and recent names, both sexes.
  english: `James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark
    Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary
    Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond
    Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian
    Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel
    Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis Harry
    Oliver Charlie Freddie Archie Alfie Leo Oscar Theo Finley Toby Reggie Hugo Rupert Giles Nigel Colin Graham Trevor
    Clive Derek Malcolm Barry Ian Neil Stuart Gavin Darren Dean Craig Lee Wesley Bradley Cody Travis Chad Shane Troy
    Marcus Calvin Clarence Earl Howard Leonard Herbert Stanley Francis Dale Glenn Curtis Todd Jay Rodney Lance Grant
    Spencer Caleb Hunter Owen Liam Lucas Jackson Aiden Carter Wyatt Grayson Levi Isaac Lincoln Jaxon Asher Hudson Miles
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley
    Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen
    Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn
    Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith Megan
    Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice Madison Doris Abigail
    Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte
    Rose Alexis Kayla Amelia Ava Mia Harper Ella Scarlett Chloe Lily Zoe Layla Nora Hazel Aurora Violet Stella Penelope
    Poppy Isla Freya Evie Daisy Imogen Phoebe Florence Matilda Ivy Rosie Ellie Millie Lottie Tilly Gemma Kirsty Leanne
    Tracey Joanne Claire Louise Kerry Lindsay Hayley Stacey Natasha Abbie Bethany Jade Chelsea Courtney Kelsey Brooke
    Paige Sydney Destiny Hope Faith Joy Summer Autumn April June Willow Eleanor Beatrice Harriet Edith Mabel Agnes Irene
    Kate Jane Lucy Molly Holly Katie Sophie Jenny Becky Sally Wendy Gail Gwen Joanna Jill Valerie Vanessa Tiffany
    Crystal Erin Erica Monica Veronica Tammy Tina Dawn Rita Norma Lois Peggy Bonnie Sherry Marjorie Mildred Josephine
    Shannon Kristen Kristina Kristin Caroline Alison Allison Jasmine Naomi Leah Miriam Esther Ellen Eileen Maureen
    Bernard Clifford Leslie Marvin Melvin Norman Wallace Lloyd Gordon Vernon Cecil Dwayne Jamal Tyrone DeShawn Darius
    Xavier Jalen Malik Trevon Kendrick Andre Terrence Reginald Cedric Latoya Tanisha Keisha Shanice Ebony Aaliyah Imani
    Brent Dustin Jared Derrick Marc Rick Ricky Ron Rob Bob Tom Tim Tony Mike Dave Steve Matt Ben Sam Jim Jimmy Johnny
    Danny Chris Nick Pat Ted Will Bill Fred Ed Ray Max Jake Luke Zach Josh Alex Jamie Robin Kim Terry Tracy Casey Riley
    Morgan Taylor Avery Quinn Rowan Sage Skylar Reese Harley Blake Drew Cameron Shelby Lindsey Ashton Elliot Elliott`,
  // Irish and Scottish, including Irish spellings (accents fold: "Seán" = "Sean").
  irish: `Seán Sean Séamus Seamus Pádraig Padraig Liam Cian Cillian Oisín Ciarán Darragh Tadhg Ruairí Eoin Eoghan Colm
    Conor Connor Declan Donal Dónal Fergal Fionn Fiachra Cathal Diarmuid Dermot Éamon Eamon Niall Rory Ronan Shane
    Brendan Kieran Aidan Cormac Lorcan Odhrán Senan Aodh Donnacha Donncha Tomás Mícheál Seosamh Peadar Caoimhín Daithí
    Aoife Niamh Caoimhe Saoirse Siobhán Siobhan Gráinne Orla Órla Órlaith Róisín Roisin Clodagh Éabha Eabha Sinéad
    Sinead Aisling Ashling Méabh Meabh Maeve Ciara Deirdre Fionnuala Nuala Bríd Brigid Eimear Emer Muireann Sorcha
    Laoise Ailbhe Áine Aine Úna Una Mairéad Máire Nóra Caitríona Catriona Eilís Treasa Bláthnaid Blathnaid Ríona
    Alasdair Alastair Angus Hamish Callum Calum Ewan Euan Fraser Lachlan Murdo Ruaridh Fergus Iain Gregor Duncan Struan
    Kirsty Morag Isla Eilidh Ishbel Catriona Shona Fiona Mhairi Ailsa Skye Iona Flora Greer Rhona Ailidh Kenna`,
  // French (France, Belgium, Switzerland, Quebec, francophone Africa).
  french: `Jean Pierre Michel André Philippe Alain Jacques Bernard Claude Daniel François Patrick Nicolas Christophe
    Stéphane Sébastien Julien Frédéric Olivier Laurent Thierry Pascal Éric Didier Gérard Yves Marcel Henri Louis Lucas
    Hugo Théo Mathis Nathan Enzo Léo Gabriel Raphaël Arthur Jules Maël Noé Adam Paul Victor Clément Antoine Maxime
    Alexandre Thomas Quentin Romain Guillaume Benoît Vincent Damien Jérôme Cédric Fabrice Gilles Lionel Mathieu
    Matthieu Xavier Yannick Loïc Gaël Baptiste Bastien Aurélien Florian Valentin Corentin Kévin Jérémy Anthony Rémi
    Rémy Émile Gaston Lucien René Roger Georges Robert Marius Léon Augustin Timothée Sacha Noah Axel Tristan Mehdi
    Marie Nathalie Isabelle Sylvie Catherine Françoise Christine Monique Nicole Valérie Sandrine Véronique Sophie
    Céline Stéphanie Julie Aurélie Émilie Camille Léa Manon Chloé Emma Inès Jade Louise Alice Lina Rose Anna Ambre
    Juliette Margaux Mathilde Pauline Lucie Clara Zoé Océane Laura Marine Élodie Amandine Mélanie Audrey Virginie
    Caroline Hélène Brigitte Martine Chantal Danielle Jacqueline Madeleine Simone Yvette Josette Colette Odette
    Geneviève Béatrice Agnès Florence Laurence Claire Anne Delphine Karine Corinne Élise Eloïse Héloïse Capucine Clémence
    Margot Agathe Romane Maëlys Nina Éva Charlotte Adèle Gabrielle Justine Maëlle Solène Noémie Anaïs Coralie Gaëlle
    Ophélie Bérénice Mireille Ginette Huguette Solange Amandine Fleur Victoire Zélie Apolline Constance Amélie`,
  // German, Austrian and Swiss German.
  german: `Peter Michael Thomas Andreas Wolfgang Klaus Jürgen Günter Günther Stefan Stephan Christian Uwe Werner Horst
    Frank Dieter Manfred Ralf Bernd Gerhard Hans Helmut Heinz Karl Walter Rolf Joachim Jörg Holger Matthias Markus
    Marcus Sven Torsten Thorsten Dirk Jens Lars Kai Tobias Florian Sebastian Tim Jan Jonas Leon Finn Lukas Luca Felix
    Maximilian Paul Elias Noah Ben Luis Niklas Nils Moritz Fabian Philipp Julian Simon Dominik Patrick Marco Marcel
    Daniel Alexander Benedikt Konstantin Leonhard Ludwig Friedrich Wilhelm Heinrich Hermann Otto Fritz Ernst Kurt Gustav
    Rudolf Georg Johann Johannes Josef Franz Anton Alois Volker Detlef Reinhard Ulrich Hartmut Lothar Armin Eckhard
    Rüdiger Henning Malte Till Ole Hannes Jannik Jannis Mats Emil Anton Theo Carl Oskar Vincent Valentin Linus Fynn
    Steffen Timo Björn Kevin Dennis Tom Nico Robin Erik Henrik Mirko Sascha Gregor Klemens Rainer Siegfried Norbert
    Ursula Monika Petra Sabine Renate Helga Karin Brigitte Ingrid Erika Andrea Gabriele Susanne Claudia Birgit Heike
    Martina Stefanie Nicole Katrin Kathrin Anja Silke Tanja Sandra Julia Anna Laura Lena Lea Leonie Hannah Sophie Sophia
    Marie Emilia Mia Emma Lina Ella Clara Greta Frieda Ida Mila Lotta Johanna Charlotte Luisa Amelie Paula Pia Nele
    Jana Jasmin Vanessa Melanie Christina Bettina Doris Elke Gisela Hildegard Irmgard Gertrud Waltraud Edeltraud Inge
    Ute Anke Dagmar Cornelia Simone Manuela Daniela Katharina Franziska Theresa Verena Carina Larissa Svenja Finja
    Annika Wiebke Maike Meike Frauke Insa Hanna Ronja Merle Jule Marlene Magdalena Elisabeth Margarete Annegret Liesel`,
  // Dutch and Flemish.
  dutch: `Jan Pieter Piet Kees Johannes Hendrik Henk Willem Wim Cornelis Gerrit Jacobus Jaap Dirk Klaas Bram Daan Sem
    Lucas Levi Finn Milan Jesse Thijs Ruben Bas Sander Joost Niels Stijn Tim Lars Luuk Sven Jeroen Maarten Wouter Arjen
    Bart Rutger Floris Jasper Job Teun Gijs Hidde Siem Mees Ties Jens Koen Freek Joris Stefan Marco Erik Frank
    Rob Ronald Hans Ad Ton Frits Leendert Arie Huub Rik Tijmen Wessel Ids Sjoerd Hessel Jelle Wietse Douwe
    Emma Julia Sophie Tess Zoë Sara Anna Eva Fenna Lotte Lieke Noor Saar Sanne Fleur Femke Iris Isa Roos Maud Jasmijn
    Esmee Evi Liv Mila Nina Yara Nova Lynn Anouk Ilse Inge Marieke Mirjam Annemieke Anneke Ingrid Wilma Petra
    Ria Joke Truus Gerda Hanneke Marloes Nienke Femmie Willemijn Floor Merel Janneke Karlijn Manon Marjolein Lisanne`,
  // Italian.
  italian: `Giuseppe Giovanni Antonio Mario Francesco Luigi Angelo Vincenzo Pietro Salvatore Carlo Franco Domenico Bruno
    Paolo Michele Giorgio Aldo Sergio Luciano Roberto Stefano Andrea Marco Luca Alessandro Matteo Lorenzo Leonardo
    Riccardo Tommaso Davide Federico Simone Gabriele Edoardo Filippo Giacomo Emanuele Daniele Fabio Massimo Maurizio
    Claudio Enrico Alberto Gianni Gianluca Gianluigi Pierluigi Nicola Raffaele Gennaro Ciro Rocco Carmine Cosimo
    Ottavio Ettore Guido Umberto Vittorio Emilio Renato Dario Mattia Diego Samuele Alessio Manuel Cristian
    Valerio Jacopo Niccolò Cesare Fabrizio Lamberto Rinaldo Arnaldo Adriano Benedetto Corrado Piero Silvio Sandro
    Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Francesca Antonietta Rita Elena Chiara
    Giulia Sofia Aurora Alice Ginevra Emma Giorgia Greta Beatrice Martina Alessia Sara Federica Valentina Silvia Paola
    Laura Roberta Monica Barbara Cristina Simona Daniela Manuela Elisa Elisabetta Ilaria Arianna Camilla Noemi Matilde
    Vittoria Bianca Benedetta Ludovica Serena Veronica Claudia Patrizia Loredana Donatella Ornella Graziella Luisa
    Marisa Marina Nadia Gabriella Raffaella Rosaria Assunta Concetta Immacolata Annunziata Pasqualina Lucrezia Livia`,
  // Spanish (Spain) and Latin American (Mexico, Colombia, Argentina, Peru, Chile…).
  spanish: `José Juan Antonio Manuel Francisco Luis Javier Carlos Jesús Miguel Pedro Alejandro Rafael Fernando Pablo
    Sergio Jorge Alberto Ángel David Daniel Raúl Enrique Ramón Vicente Andrés Joaquín Santiago Diego Álvaro Adrián Iván
    Rubén Óscar Gonzalo Ignacio Nicolás Hugo Mateo Martín Lucas Leo Marcos Mario Víctor Emilio Eduardo Ricardo Roberto
    Julio César Arturo Armando Alfonso Gustavo Guillermo Héctor Hernán Gerardo Rodrigo Mauricio Esteban Felipe Gabriel
    Sebastián Emiliano Leonardo Maximiliano Bruno Agustín Benjamín Tomás Thiago Facundo Gael Iker Unai Aitor Xavier
    Jaime Salvador Ernesto Rogelio Octavio Alfredo Lorenzo Humberto Ismael Cristóbal Ulises Fidel Rolando Efraín Abel
    María Carmen Ana Isabel Dolores Pilar Teresa Rosa Josefa Cristina Lucía Laura Marta Elena Sara Paula Raquel Mercedes
    Rocío Beatriz Silvia Patricia Susana Nuria Sonia Natalia Andrea Alba Claudia Irene Julia Sofía Valeria Martina Daniela
    Camila Valentina Mariana Gabriela Fernanda Ximena Regina Renata Guadalupe Lupita Alejandra Verónica Adriana Leticia
    Araceli Yolanda Gloria Esperanza Consuelo Inmaculada Concepción Montserrat Ainhoa Itziar Nerea Aitana Noelia Miriam
    Jimena Catalina Florencia Agustina Milagros Luciana Romina Micaela Antonella Paola Lorena Marisol Maribel Graciela
    Rebeca Esther Ángela Inés Victoria Estefanía Encarnación Remedios Amparo Soledad Trinidad Luz Alicia Ofelia Elvira`,
  // Portuguese and Brazilian.
  portuguese: `João José António Antônio Manuel Francisco Carlos Paulo Pedro Luís Luiz Jorge Rui Nuno Miguel Tiago
    Diogo Gonçalo Duarte Afonso Rodrigo Martim Tomás Simão Vasco Henrique Ricardo Fernando Sérgio Vítor Hélder Joaquim
    Fábio Bruno André Marcelo Rafael Gustavo Guilherme Felipe Leandro Leonardo Matheus Mateus Lucas Gabriel Enzo Davi
    Arthur Heitor Bernardo Thiago Caio Vinícius Rodrigues Wellington Anderson Cleber Edson Gilberto Reinaldo Renato
    Maria Ana Joana Mariana Beatriz Inês Carolina Catarina Leonor Matilde Francisca Sofia Rita Teresa Margarida Filipa
    Rosa Fernanda Patrícia Sandra Cristina Susana Sónia Cláudia Raquel Marta Helena Isabel Luísa Lúcia Conceição Fátima
    Graça Adriana Juliana Camila Larissa Letícia Bianca Vitória Yasmin Gabriela Isabela Laura Alice Manuela Valentina
    Heloísa Lívia Lorena Luana Débora Daniela Tatiana Simone Aline Priscila Vanessa Jéssica Thaís Bruna Natália Renata`,
  // Scandinavian and Finnish (Swedish, Norwegian, Danish, Icelandic, Finnish).
  nordic: `Lars Anders Per Erik Karl Johan Nils Jan Olof Mats Magnus Mikael Fredrik Henrik Gustav Oskar Oscar William
    Liam Elias Hugo Axel Alexander Lucas Filip Isak Ludvig Viktor Albin Emil Melvin Sixten Vilgot Arvid Ebbe Gösta
    Bengt Göran Lennart Stig Sten Bo Leif Kjell Sven Ingvar Rune Åke Håkan Torbjörn Ulf Rolf Bjørn Björn Knut Ole Odd
    Arne Geir Trond Terje Rune Espen Sindre Eirik Jonas Kasper Rasmus Mads Søren Niels Jesper Morten Anders Thomas
    Jón Sigurður Guðmundur Gunnar Einar Ólafur Mikko Juha Jukka Matti Timo Pekka Antti Ville Juho Eero Aleksi Onni
    Anna Eva Maria Karin Kristina Elisabeth Ingrid Birgitta Margareta Marianne Ulla Gunilla Lena Helena Sara Emma Maja
    Elsa Alice Astrid Saga Ebba Wilma Alma Ella Freja Signe Selma Agnes Tyra Stina Linnea Ida Frida Elin Hanna Malin
    Johanna Sofia Klara Matilda Ingeborg Solveig Sigrid Liv Kari Randi Hilde Silje Marit Tone Ragnhild Siri Nora Ingvild
    Mette Pernille Lone Dorthe Rikke Camilla Sanne Louise Freya Guðrún Sigríður Kristín Aino Tuula Päivi Satu Minna
    Sanna Johanna Laura Heidi Tiina Riikka Leena Anneli Jenni Kaisa Helmi Ilona Sari Merja Åsa Britt Inger Gerd Siv`,
  // Polish, Czech, Slovak, Croatian, Serbian, Slovene, Bulgarian, Romanian, Russian and Ukrainian.
  slavic: `Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Jakub Adam Marek Łukasz Grzegorz Mateusz Wojciech Mariusz
    Dariusz Zbigniew Jerzy Stanisław Tadeusz Ryszard Kazimierz Józef Henryk Władysław Bogdan Janusz Leszek Mirosław
    Sławomir Szymon Bartosz Kacper Filip Antoni Franciszek Wiktor Igor Oskar Dawid Kamil Rafał Przemysław Sebastian
    Hubert Ignacy Konrad Borys Cezary Witold Zdzisław Bolesław Czesław Radosław Jarosław Wiesław Lech Damian
    Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Zofia Joanna Magdalena Monika Dorota
    Beata Jolanta Danuta Halina Irena Grażyna Teresa Urszula Renata Aleksandra Natalia Julia Zuzanna Hanna Lena Maja
    Oliwia Amelia Wiktoria Alicja Nikola Weronika Martyna Paulina Karolina Justyna Kinga Izabela Marta Ilona Bożena
    Jadwiga Wanda Genowefa Stanisława Aniela Bronisława Władysława Sabina Marzena Edyta Sylwia Iwona Patrycja
    Jiří Jan Petr Josef Pavel Martin Tomáš Jaroslav Miroslav Zdeněk Václav Michal František Karel Milan Vojtěch Ondřej
    Lukáš Jakub Matěj Vít Radek Libor Luboš Bohumil Vladimír Stanislav Ladislav Jaromír Přemysl Dominik Štěpán Adéla
    Jana Marie Eva Hana Lenka Kateřina Lucie Věra Alena Petra Veronika Jaroslava Tereza Martina Michaela Zuzana Barbora
    Markéta Klára Eliška Anežka Kristýna Nikola Šárka Radka Ludmila Jarmila Dagmar Zdeňka Božena Vlasta Blanka
    Ivan Ivo Marko Luka Ante Josip Tomislav Stjepan Goran Zoran Dragan Nikola Mihael Matej Filip Dario Damir Davor
    Domagoj Krešimir Mladen Zvonimir Nenad Dejan Bojan Miloš Stefan Aleksandar Vuk Đorđe Slobodan Predrag Branko
    Ana Ivana Marija Mia Lucija Ema Petra Katarina Lana Sara Nika Dora Iva Maja Ivona Jelena Snježana Mirjana Vesna
    Gordana Danica Dragana Milica Jovana Tijana Biljana Sanja Tamara Nevena Ljiljana Branka Zrinka Tena Lorena
    Ion Gheorghe Vasile Constantin Mihai Andrei Alexandru Florin Adrian Cristian Bogdan Ionuț Răzvan Sorin Dorin Radu
    Ovidiu Cătălin Marius Mircea Lucian Tudor Horia Costel Dumitru Nicolae Petru Emil Viorel Liviu Eugen Silviu Stelian
    Elena Ioana Mihaela Andreea Alexandra Cristina Gabriela Roxana Daniela Simona Raluca Oana Irina Ramona Alina Adina
    Corina Luminița Florentina Georgiana Bianca Larisa Denisa Anca Camelia Doina Rodica Viorica Mioara Lăcrămioara
    Dmitri Dmitry Sergei Sergey Alexei Alexey Mikhail Nikolai Andrei Vladimir Yuri Pavel Konstantin Ilya Boris Grigory
    Timofei Oleg Igor Viktor Maxim Artem Anton Kirill Roman Ruslan Denis Stanislav Vadim Vitaly Yevgeny Evgeny Fyodor
    Arkady Gennady Leonid Valery Vasily Semyon Taras Bohdan Mykola Oleksandr Oleksiy Petro Vasyl Volodymyr Yaroslav
    Olga Tatiana Tatyana Svetlana Natalia Natalya Ekaterina Yekaterina Anastasia Irina Yulia Ksenia Daria Lyudmila
    Vera Polina Galina Larisa Nadezhda Valentina Marina Oksana Yelena Sofia Alina Kristina Anzhela Zoya Raisa Inna
    Oksana Olena Halyna Nataliya Iryna Kateryna Yevheniya Viktoriya Veronika Zlata Milana Varvara Alyona Tamara`,
  // Greek and Hungarian.
  greek_hungarian: `Georgios Giorgos Dimitrios Konstantinos Ioannis Nikolaos Panagiotis Christos Vasileios Athanasios
    Michail Evangelos Spyridon Stavros Theodoros Kostas Nikos Yannis Alexandros Stelios Thanos Petros Andreas Apostolos
    Maria Eleni Aikaterini Vasiliki Sofia Angeliki Dimitra Georgia Ioanna Konstantina Paraskevi Despina Eirini Chrysa
    László István József János Zoltán Sándor Gábor Ferenc Attila Péter Tamás Zsolt Balázs Csaba Levente Bence Máté Dávid
    Mária Erzsébet Katalin Ilona Éva Anna Zsuzsanna Margit Judit Ágnes Andrea Erika Krisztina Eszter Zsófia Réka Dóra`,
};
